import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MAX_USERS_PER_REQUEST } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { notifyError, notifySuccess, notifyWithUndo } from '../ui/notify.js';
import { findGroupInLists } from './get-group.js';
import { removeCachedGroup } from './group-cache.js';
import { groupKeys } from './group-keys.js';

export function deleteGroup(id: string) {
  return sparkWrite({ method: 'DELETE', path: `/portal/groups/${encodeURIComponent(id)}` });
}

/**
 * Undo of a deletion, as compensating writes: the group is created again under the same Id (its
 * owner's portal account) with the same users, owner first, then given back its tags.
 */
export async function recreateGroup(group: PortalGroup) {
  const path = `/portal/groups/${encodeURIComponent(group.Id)}`;
  const ids = [
    group.ContactId,
    ...group.Users.map((u) => u.Id).filter((id) => id !== group.ContactId),
  ];
  for (let start = 0; start < ids.length; start += MAX_USERS_PER_REQUEST) {
    const Users = ids.slice(start, start + MAX_USERS_PER_REQUEST).map((Id) => ({ Id }));
    await sparkWrite({ method: 'POST', path, body: { Users } });
  }
  if (group.Tags.length > 0) await sparkWrite({ method: 'PUT', path, body: { Tags: group.Tags } });
}

export function useRecreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...groupKeys.all, 'recreate'],
    mutationFn: recreateGroup,
    onSuccess: () => notifySuccess('Group restored'),
    onError: (error) => notifyError('Group not restored', error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

export function useDeleteGroup(id: string) {
  const queryClient = useQueryClient();
  const recreate = useRecreateGroup();
  return useMutation({
    mutationKey: [...groupKeys.detail(id), 'delete'],
    scope: { id: `group-${id}` },
    mutationFn: () => deleteGroup(id),
    // What Undo needs to build the group again.
    onMutate: () => ({
      group:
        queryClient.getQueryData<PortalGroup>(groupKeys.detail(id)) ??
        findGroupInLists(queryClient, id)?.group,
    }),
    onSuccess: (_result, _variables, context) => {
      removeCachedGroup(queryClient, id);
      const deleted = context?.group;
      if (deleted) notifyWithUndo(`deleted-${id}`, 'Group deleted', () => recreate.mutate(deleted));
      else notifySuccess('Group deleted');
    },
    onError: (error) => notifyError('Group not deleted', error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}
