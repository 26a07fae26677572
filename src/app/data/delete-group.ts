import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MAX_USERS_PER_REQUEST } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { accountScope, type Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { notifyError, notifySuccess, notifyWithUndo } from '../ui/notify.js';
import { auditContext, ownerOf } from './audit-names.js';
import { findGroupInLists } from './get-group.js';
import { addToWholeBook, removeCachedGroup } from './group-cache.js';
import { groupKeys } from './group-keys.js';

/** "Grace Dunn's group", as a toast names it. */
function circleName(group: PortalGroup) {
  const owner = ownerOf(group);
  return owner ? `${owner}'s group` : 'the group';
}

/** Deletes a circle; `group`, when known, names it in the audit trail. */
export function deleteGroup(account: Account, id: string, group?: PortalGroup) {
  return sparkWrite(account, {
    method: 'DELETE',
    path: `/portal/groups/${encodeURIComponent(id)}`,
    audit: auditContext(group),
  });
}

/**
 * Undo of a deletion, as compensating writes: the group is created again under the same Id (its
 * owner's portal account) with the same users, owner first, then given back its tags.
 */
export async function recreateGroup(account: Account, group: PortalGroup) {
  const path = `/portal/groups/${encodeURIComponent(group.Id)}`;
  const audit = auditContext(group, group.Users, true);
  const ids = [
    group.ContactId,
    ...group.Users.map((u) => u.Id).filter((id) => id !== group.ContactId),
  ];
  for (let start = 0; start < ids.length; start += MAX_USERS_PER_REQUEST) {
    const Users = ids.slice(start, start + MAX_USERS_PER_REQUEST).map((Id) => ({ Id }));
    await sparkWrite(account, { method: 'POST', path, body: { Users }, audit });
  }
  if (group.Tags.length > 0)
    await sparkWrite(account, { method: 'PUT', path, body: { Tags: group.Tags }, audit });
}

function useRecreateGroup(account: Account) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...groupKeys.all(account), 'recreate'],
    mutationFn: (group: PortalGroup) => recreateGroup(account, group),
    onSuccess: (_result, group) => {
      addToWholeBook(queryClient, account, group);
      notifySuccess(`Restored ${circleName(group)}`, { account });
    },
    onError: (error) => notifyError('Group not restored', error, { account }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all(account) }),
  });
}

export function useDeleteGroup(id: string) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const recreate = useRecreateGroup(account);
  const cached = () =>
    queryClient.getQueryData<PortalGroup>(groupKeys.detail(account, id)) ??
    findGroupInLists(queryClient, account, id)?.group;
  return useMutation({
    mutationKey: [...groupKeys.detail(account, id), 'delete'],
    scope: { id: `group-${id}` },
    mutationFn: () => deleteGroup(account, id, cached()),
    // What Undo needs to build the group again.
    onMutate: () => ({ group: cached() }),
    onSuccess: (_result, _variables, context) => {
      removeCachedGroup(queryClient, account, id);
      const deleted = context?.group;
      if (deleted) {
        notifyWithUndo({
          id: `deleted-${id}`,
          group: `deleted-${accountScope(account)}`,
          verb: 'Deleted',
          names: [circleName(deleted)],
          onUndo: () => recreate.mutate(deleted),
          account,
        });
      } else notifySuccess('Group deleted', { account });
    },
    onError: (error) => notifyError('Group not deleted', error, { account }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.lists(account) }),
  });
}
