import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkWrite } from '../../../api/spark-fetch.js';
import { auditContext } from '../../../data/audit-names.js';
import { groupKeys } from '../../../data/group-keys.js';
import {
  cancelGroupQueries,
  invalidateGroupsWhenIdle,
  membersMutationKey,
  updateCachedMembers,
  withMembers,
  withoutMembers,
} from './group-members-cache.js';

/** Members to add; `undo` when they were just removed and this takes that back. */
export interface MembersToAdd {
  users: PortalGroupUser[];
  undo?: boolean;
}

function addMembers(account: Account, group: PortalGroup, { users, undo }: MembersToAdd) {
  return sparkWrite(account, {
    method: 'POST',
    path: `/portal/groups/${encodeURIComponent(group.Id)}`,
    body: { Users: users.map(({ Id }) => ({ Id })) },
    audit: auditContext(group, users, undo),
  });
}

interface Callbacks {
  onSuccess?: (users: PortalGroupUser[]) => void;
  onError?: (error: Error, users: PortalGroupUser[]) => void;
}

/** Adds members optimistically; `users` are shown at once and confirmed by the refetch. */
export function useAddMembers(group: PortalGroup, callbacks: Callbacks = {}) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const groupId = group.Id;
  return useMutation({
    mutationKey: membersMutationKey(account, groupId),
    mutationFn: (change: MembersToAdd) => addMembers(account, group, change),
    onMutate: async ({ users }) => {
      await cancelGroupQueries(queryClient, account, groupId);
      const present = new Set(
        queryClient
          .getQueryData<PortalGroup>(groupKeys.detail(account, groupId))
          ?.Users.map((user) => user.Id) ?? group.Users.map((user) => user.Id),
      );
      const addedIds = users.map((user) => user.Id).filter((id) => !present.has(id));
      updateCachedMembers(queryClient, account, groupId, (current, ownerId) =>
        withMembers(current, users, ownerId),
      );
      return { addedIds };
    },
    onError: (error, { users }, context) => {
      if (context) {
        updateCachedMembers(queryClient, account, groupId, (current) =>
          withoutMembers(current, context.addedIds),
        );
      }
      callbacks.onError?.(error, users);
    },
    onSuccess: (_result, { users }) => callbacks.onSuccess?.(users),
    onSettled: () => invalidateGroupsWhenIdle(queryClient, account, groupId),
  });
}
