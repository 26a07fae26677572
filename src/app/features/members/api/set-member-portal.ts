import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { useAccount } from '../../../account/use-account.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { setPortalEnabled } from '../../../data/set-portal-enabled.js';
import { groupKeys } from '../../../data/group-keys.js';
import {
  cancelGroupQueries,
  invalidateGroupsWhenIdle,
  membersMutationKey,
  updateCachedMembers,
} from './group-members-cache.js';

interface PortalChange {
  user: PortalGroupUser;
  enabled: boolean;
}

interface Callbacks {
  onSuccess?: (change: PortalChange) => void;
  onError?: (error: Error, change: PortalChange) => void;
}

/** Turns a member's portal on or off optimistically; a refusal puts the old state back. */
export function useSetMemberPortal(group: PortalGroup, callbacks: Callbacks = {}) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const groupId = group.Id;
  const setEnabled = (userId: string, enabled: boolean) =>
    updateCachedMembers(queryClient, account, groupId, (users) =>
      users.map((user) => (user.Id === userId ? { ...user, Enabled: enabled } : user)),
    );
  return useMutation({
    mutationKey: membersMutationKey(account, groupId),
    meta: { syncKeys: [groupKeys.all(account), contactKeys.all(account)] },
    mutationFn: ({ user, enabled }: PortalChange) => setPortalEnabled(account, user, enabled),
    onMutate: async ({ user, enabled }) => {
      await cancelGroupQueries(queryClient, account, groupId);
      setEnabled(user.Id, enabled);
    },
    onError: (error, change) => {
      setEnabled(change.user.Id, !change.enabled);
      callbacks.onError?.(error, change);
    },
    onSuccess: (_result, change) => callbacks.onSuccess?.(change),
    onSettled: (_result, _error, { user }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactKeys.detail(account, user.Id) }),
        invalidateGroupsWhenIdle(queryClient, account, groupId),
      ]),
  });
}
