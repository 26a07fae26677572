import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { sparkWrite } from '../../../api/spark-fetch.js';
import { groupKeys } from '../../../data/group-keys.js';
import {
  cancelGroupQueries,
  invalidateGroupsWhenIdle,
  membersMutationKey,
  updateCachedMembers,
  withMembers,
  withoutMembers,
} from './group-members-cache.js';

export function addMembers(groupId: string, contactIds: string[]) {
  return sparkWrite({
    method: 'POST',
    path: `/portal/groups/${encodeURIComponent(groupId)}`,
    body: { Users: contactIds.map((Id) => ({ Id })) },
  });
}

interface Callbacks {
  onSuccess?: (users: PortalGroupUser[]) => void;
  onError?: (error: Error, users: PortalGroupUser[]) => void;
}

/** Adds members optimistically; `users` are shown at once and confirmed by the refetch. */
export function useAddMembers(group: PortalGroup, callbacks: Callbacks = {}) {
  const queryClient = useQueryClient();
  const groupId = group.Id;
  return useMutation({
    mutationKey: membersMutationKey(groupId),
    mutationFn: (users: PortalGroupUser[]) =>
      addMembers(
        groupId,
        users.map((user) => user.Id),
      ),
    onMutate: async (users) => {
      await cancelGroupQueries(queryClient, groupId);
      const present = new Set(
        queryClient
          .getQueryData<PortalGroup>(groupKeys.detail(groupId))
          ?.Users.map((user) => user.Id) ?? group.Users.map((user) => user.Id),
      );
      const addedIds = users.map((user) => user.Id).filter((id) => !present.has(id));
      updateCachedMembers(queryClient, groupId, (current, ownerId) =>
        withMembers(current, users, ownerId),
      );
      return { addedIds };
    },
    onError: (error, users, context) => {
      if (context) {
        updateCachedMembers(queryClient, groupId, (current) =>
          withoutMembers(current, context.addedIds),
        );
      }
      callbacks.onError?.(error, users);
    },
    onSuccess: (_result, users) => callbacks.onSuccess?.(users),
    onSettled: () => invalidateGroupsWhenIdle(queryClient, groupId),
  });
}
