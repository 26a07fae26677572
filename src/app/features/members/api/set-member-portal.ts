import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { setPortalEnabled } from '../../../data/set-portal-enabled.js';
import { groupKeys } from '../../../data/group-keys.js';
import { circlesInCache } from '../circles-in-cache.js';
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
export function useSetMemberPortal(
  group: PortalGroup,
  callbacks: Callbacks = {},
  forAccount?: Account,
) {
  const queryClient = useQueryClient();
  const current = useAccount();
  const account = forAccount ?? current;
  const groupId = group.Id;
  // The portal is the contact's: every circle they are in shows the change.
  const setEnabled = (userId: string, enabled: boolean) => {
    const ids = new Set([
      groupId,
      ...circlesInCache(queryClient, account, userId).map((g) => g.Id),
    ]);
    for (const id of ids)
      updateCachedMembers(queryClient, account, id, (users) =>
        users.map((user) => (user.Id === userId ? { ...user, Enabled: enabled } : user)),
      );
  };
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
    // Not awaited: the change is done once Spark answers the write, so the button is live again
    // at once (on a slow network the re-reads took another round trip, and a click on "Turn
    // portal on" meanwhile was dropped as a double click).
    onSettled: (_result, _error, { user }) => {
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: contactKeys.detail(account, user.Id) }),
        invalidateGroupsWhenIdle(queryClient, account, groupId),
      ]);
    },
  });
}
