import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { errorMessage } from '../../../api/error-message.js';
import { groupKeys } from '../../../data/group-keys.js';
import { useAddMembers } from '../api/add-members.js';
import { useRemoveMember } from '../api/remove-member.js';
import { useSetMemberPortal } from '../api/set-member-portal.js';

const UNDO_SECONDS = 10;

function addedMessage(users: PortalGroupUser[]) {
  return users.length === 1 ? `Added ${users[0]?.Name}` : `Added ${users.length} members`;
}

/**
 * Add, remove and portal on/off with notifications; removal offers Undo. A second click on a row that is being
 * (or already was) removed sends nothing: its button can outlive the removal by a render.
 */
export function useMemberChanges(group: PortalGroup) {
  const queryClient = useQueryClient();
  const removing = useRef(new Set<string>());

  const addMembers = useAddMembers(group, {
    onSuccess: (users) => notifications.show({ color: 'teal', message: addedMessage(users) }),
    onError: (error, users) =>
      notifications.show({
        color: 'red',
        title: users.length === 1 ? `Could not add ${users[0]?.Name}` : 'Could not add members',
        message: errorMessage(error),
      }),
  });

  const removeMember = useRemoveMember(group, {
    onSuccess: (user) => {
      const id = `removed-${group.Id}-${user.Id}`;
      notifications.show({
        id,
        autoClose: UNDO_SECONDS * 1000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text fz="sm">Removed {user.Name}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                addMembers.mutate([user]);
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
    onError: (error, user) =>
      notifications.show({
        color: 'red',
        title: `Could not remove ${user.Name}`,
        message: errorMessage(error),
      }),
  });

  const changingPortal = useRef(new Set<string>());
  const memberPortal = useSetMemberPortal(group, {
    onSuccess: ({ user, enabled }) =>
      notifications.show({
        color: 'teal',
        message: `Portal turned ${enabled ? 'on' : 'off'} for ${user.Name}`,
      }),
    onError: (error, { user, enabled }) =>
      notifications.show({
        color: 'red',
        title: `Could not turn the portal ${enabled ? 'on' : 'off'} for ${user.Name}`,
        message: errorMessage(error),
      }),
  });

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
    const current = queryClient.getQueryData<PortalGroup>(groupKeys.detail(group.Id)) ?? group;
    const stillMember = current.Users.some((candidate) => candidate.Id === user.Id);
    if (removing.current.has(user.Id) || !stillMember) return;
    removing.current.add(user.Id);
    removeMember
      .mutateAsync(user)
      .catch(() => undefined)
      .finally(() => removing.current.delete(user.Id));
  };

  return { add: (users: PortalGroupUser[]) => addMembers.mutate(users), remove, setPortal };
}
