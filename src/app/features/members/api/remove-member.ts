import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkWrite } from '../../../api/spark-fetch.js';
import { auditContext } from '../../../data/audit-names.js';
import {
  cancelGroupQueries,
  invalidateGroupsWhenIdle,
  membersMutationKey,
  updateCachedMembers,
  withMembers,
  withoutMembers,
} from './group-members-cache.js';

function removeMember(account: Account, group: PortalGroup, user: PortalGroupUser) {
  return sparkWrite(account, {
    method: 'DELETE',
    path: `/portal/groups/${encodeURIComponent(group.Id)}/users/${encodeURIComponent(user.Id)}`,
    audit: auditContext(group, [user]),
  });
}

interface Callbacks {
  onSuccess?: (user: PortalGroupUser) => void;
  onError?: (error: Error, user: PortalGroupUser) => void;
}

/** Removes a member optimistically; a refused removal puts the member back. */
export function useRemoveMember(group: PortalGroup, callbacks: Callbacks = {}) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const groupId = group.Id;
  return useMutation({
    mutationKey: membersMutationKey(account, groupId),
    mutationFn: (user: PortalGroupUser) => removeMember(account, group, user),
    onMutate: async (user) => {
      await cancelGroupQueries(queryClient, account, groupId);
      updateCachedMembers(queryClient, account, groupId, (current) =>
        withoutMembers(current, [user.Id]),
      );
    },
    onError: (error, user) => {
      updateCachedMembers(queryClient, account, groupId, (current, ownerId) =>
        withMembers(current, [user], ownerId),
      );
      callbacks.onError?.(error, user);
    },
    onSuccess: (_result, user) => callbacks.onSuccess?.(user),
    onSettled: () => invalidateGroupsWhenIdle(queryClient, account, groupId),
  });
}
