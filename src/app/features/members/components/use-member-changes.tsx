import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { peopleInWords } from '../../../../shared/audit-words.js';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { accountScope } from '../../../account/account.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { groupKeys } from '../../../data/group-keys.js';
import { notifyError, notifySuccess, notifyWithUndo } from '../../../ui/notify.js';
import { useAddMembers } from '../api/add-members.js';
import { useRemoveMember } from '../api/remove-member.js';
import { useSetMemberPortal } from '../api/set-member-portal.js';

const UNDO_SECONDS = 10;

/** "Added Beatriz Castillo and Felix du Pont". */
const namesOf = (users: PortalGroupUser[]) =>
  peopleInWords(
    users.map((user) => user.Name),
    users.length,
  );

/**
 * Add, remove and portal on/off with notifications; removal offers Undo. A second click on a row that is being
 * (or already was) removed sends nothing: its button can outlive the removal by a render.
 */
export function useMemberChanges(
  group: PortalGroup,
  forAccount?: Account,
  /** Called as Undo puts a removed member back (the group page moves focus to their row). */
  onUndo?: (user: PortalGroupUser) => void,
) {
  const queryClient = useQueryClient();
  const current = useAccount();
  const account = forAccount ?? current;
  const removing = useRef(new Set<string>());

  const addMembers = useAddMembers(
    group,
    {
      onSuccess: (users) => notifySuccess(`Added ${namesOf(users)}`, { account }),
      onError: (error, users) => notifyError(`Could not add ${namesOf(users)}`, error, { account }),
    },
    account,
  );

  const removeMember = useRemoveMember(
    group,
    {
      onSuccess: (user) =>
        notifyWithUndo({
          id: `removed-${group.Id}-${user.Id}`,
          // Removals from one circle share a toast: "Removed Ana Lima and Ben Cho", one Undo.
          group: `removed-${accountScope(account)}-${group.Id}`,
          verb: 'Removed',
          names: [user.Name],
          onUndo: () => {
            onUndo?.(user);
            addMembers.mutate({ users: [user], undo: true });
          },
          seconds: UNDO_SECONDS,
          account,
        }),
      onError: (error, user) => notifyError(`Could not remove ${user.Name}`, error, { account }),
    },
    account,
  );

  const changingPortal = useRef(new Set<string>());
  const memberPortal = useSetMemberPortal(
    group,
    {
      onSuccess: ({ user, enabled }) =>
        notifySuccess(`Portal turned ${enabled ? 'on' : 'off'} for ${user.Name}`, { account }),
      onError: (error, { user, enabled }) =>
        notifyError(`Could not turn the portal ${enabled ? 'on' : 'off'} for ${user.Name}`, error, {
          account,
        }),
    },
    account,
  );

  /** One change at a time per member: a second click while one is on its way sends nothing. */
  const setPortal = (user: PortalGroupUser, enabled: boolean) => {
    if (changingPortal.current.has(user.Id)) return;
    changingPortal.current.add(user.Id);
    memberPortal
      .mutateAsync({ user, enabled })
      .catch(() => undefined)
      .finally(() => changingPortal.current.delete(user.Id));
  };

  const remove = (user: PortalGroupUser) => {
    const current =
      queryClient.getQueryData<PortalGroup>(groupKeys.detail(account, group.Id)) ?? group;
    const stillMember = current.Users.some((candidate) => candidate.Id === user.Id);
    if (removing.current.has(user.Id) || !stillMember) return;
    removing.current.add(user.Id);
    removeMember
      .mutateAsync(user)
      .catch(() => undefined)
      .finally(() => removing.current.delete(user.Id));
  };

  return { add: (users: PortalGroupUser[]) => addMembers.mutate({ users }), remove, setPortal };
}
