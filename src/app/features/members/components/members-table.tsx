import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { isAgent, memberState } from '../member-state.js';
import { firstDirection, sortMembers } from '../sort-members.js';
import type { MemberSort, MemberSortKey } from '../sort-members.js';
import { PHONE_QUERY } from '../../../ui/phone-query.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { AgentBadge, MemberActivity, NotShown, OwnerBadge, PortalBadge } from './member-badges.js';
import { SortableTh } from './sortable-th.js';

export { PHONE_QUERY };

interface Props {
  group: PortalGroup;
  /** Id of the text explaining the Active rule, for the Activity column. */
  ruleId: string;
  /** Given when the user may change the group: each non-owner row gets a remove button. */
  onRemove?: (user: PortalGroupUser) => void;
  /** Given when the user may change the group: each row gets a portal on/off button. */
  onTogglePortal?: (user: PortalGroupUser) => void;
  /** Contact Id → e-mail (null: none); undefined while loading. */
  emails: ReadonlyMap<string, string | null> | undefined;
  onOpenContact: (user: PortalGroupUser) => void;
}

function MemberName({
  user,
  isOwner,
  email,
  onOpen,
}: {
  user: PortalGroupUser;
  isOwner: boolean;
  email: string | null | undefined;
  onOpen: () => void;
}) {
  return (
    <Stack gap={0} align="flex-start">
      <Group gap="xs" wrap="nowrap">
        <Anchor
          component="button"
          type="button"
          fz="sm"
          fw={500}
          ta="left"
          aria-haspopup="dialog"
          onClick={onOpen}
          style={{ overflowWrap: 'anywhere' }}
        >
          {user.Name}
        </Anchor>
        {isOwner && <OwnerBadge />}
        {isAgent(user) && <AgentBadge />}
      </Group>
      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {email === undefined ? '\u00a0' : (email ?? 'No e-mail')}
      </Text>
    </Stack>
  );
}

export function MembersTable({
  group,
  ruleId,
  onRemove,
  onTogglePortal,
  emails,
  onOpenContact,
}: Props) {
  const [sort, setSort] = useState<MemberSort>({ key: 'name', direction: 'ascending' });
  const phone = useMediaQuery(PHONE_QUERY);
  const members = sortMembers(group.Users, sort, group.ContactId);

  const sortBy = (key: MemberSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection[key] },
    );
  const directionOf = (key: MemberSortKey) => (sort.key === key ? sort.direction : undefined);

  const hasActions = Boolean(onRemove || onTogglePortal);
  const name = (user: PortalGroupUser) => (
    <MemberName
      user={user}
      isOwner={user.Id === group.ContactId}
      email={emails ? (emails.get(user.Id) ?? null) : undefined}
      onOpen={() => onOpenContact(user)}
    />
  );
  const actions = (user: PortalGroupUser) => {
    const portalAction = user.Enabled ? 'Turn portal off' : 'Turn portal on';
    return (
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        {onTogglePortal && !isAgent(user) && (
          <Button
            variant="default"
            size="compact-sm"
            aria-label={`${portalAction} for ${user.Name}`}
            onClick={() => onTogglePortal(user)}
          >
            {portalAction}
          </Button>
        )}
        {onRemove && user.Id !== group.ContactId && (
          <Button
            variant="outline"
            color="red"
            size="compact-sm"
            aria-label={`Remove ${user.Name}`}
            onClick={() => onRemove(user)}
          >
            Remove
          </Button>
        )}
      </Group>
    );
  };

  if (phone) {
    return (
      <Stack component="ul" aria-label="Members" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {members.map((user) => (
          <Paper component="li" key={user.Id} withBorder p="sm" radius="md">
            <Stack gap={6}>
              {name(user)}
              {isAgent(user) ? (
                <NotShown />
              ) : (
                <>
                  <Group gap="md" align="flex-start">
                    <MemberActivity state={memberState(user)} />
                    <PortalBadge user={user} />
                  </Group>
                  <Text fz="xs">
                    Last login: <RelativeTime value={user.LastLogin} />
                  </Text>
                </>
              )}
              {hasActions && actions(user)}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={hasActions ? 760 : 520} type="native" pos="relative">
      <Table aria-label="Members" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh
              label="Name"
              direction={directionOf('name')}
              onSort={() => sortBy('name')}
            />
            <Table.Th aria-describedby={ruleId}>Activity</Table.Th>
            <Table.Th>Portal</Table.Th>
            <SortableTh
              label="Last login"
              direction={directionOf('lastLogin')}
              onSort={() => sortBy('lastLogin')}
            />
            {hasActions && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((user) => (
            <Table.Tr key={user.Id}>
              <Table.Td>{name(user)}</Table.Td>
              <Table.Td>
                {isAgent(user) ? <NotShown /> : <MemberActivity state={memberState(user)} />}
              </Table.Td>
              <Table.Td>{isAgent(user) ? <NotShown /> : <PortalBadge user={user} />}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {isAgent(user) ? <NotShown /> : <RelativeTime value={user.LastLogin} />}
              </Table.Td>
              {hasActions && <Table.Td>{actions(user)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
