import { useState } from 'react';
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { firstDirection, sortMembers } from '../sort-members.js';
import type { MemberSort, MemberSortKey } from '../sort-members.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { SortableTh } from './sortable-th.js';

interface Props {
  group: PortalGroup;
  /** Given when the user may change the group: each non-owner row gets a remove button. */
  onRemove?: (user: PortalGroupUser) => void;
}

/** Spark sends no portal state for an agent (UserType Member) listed in a group. */
const isAgent = (user: PortalGroupUser) => user.UserType === 'Member';

function NotShown() {
  return (
    <Text span fz="sm" c="dimmed" aria-label="Not shown for this user">
      —
    </Text>
  );
}

interface FlagBadgeProps {
  value: boolean | undefined;
  on: string;
  off: string;
  colors: [string, string];
}

function FlagBadge({ value, on, off, colors }: FlagBadgeProps) {
  if (value === undefined) return <NotShown />;
  return (
    <Badge variant="dot" color={value ? colors[0] : colors[1]} size="sm">
      {value ? on : off}
    </Badge>
  );
}

export function MembersTable({ group, onRemove }: Props) {
  const [sort, setSort] = useState<MemberSort>({ key: 'name', direction: 'ascending' });
  const members = sortMembers(group.Users, sort);

  const sortBy = (key: MemberSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection[key] },
    );
  const directionOf = (key: MemberSortKey) => (sort.key === key ? sort.direction : undefined);

  return (
    <Table.ScrollContainer minWidth={onRemove ? 640 : 520} type="native" pos="relative">
      <Table aria-label="Members" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh
              label="Name"
              direction={directionOf('name')}
              onSort={() => sortBy('name')}
            />
            <Table.Th>Activity</Table.Th>
            <Table.Th>Portal</Table.Th>
            <SortableTh
              label="Last login"
              direction={directionOf('lastLogin')}
              onSort={() => sortBy('lastLogin')}
            />
            {onRemove && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((user) => {
            const isOwner = user.Id === group.ContactId;
            return (
              <Table.Tr key={user.Id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text span fz="sm" fw={500}>
                      {user.Name}
                    </Text>
                    {isOwner && (
                      <Badge variant="outline" size="sm">
                        Owner
                      </Badge>
                    )}
                    {isAgent(user) && (
                      <Badge variant="outline" color="gray" size="sm">
                        Agent
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <FlagBadge
                    value={user.Active}
                    on="Active"
                    off="Inactive"
                    colors={['green', 'gray']}
                  />
                </Table.Td>
                <Table.Td>
                  <FlagBadge
                    value={user.Enabled}
                    on="Enabled"
                    off="Disabled"
                    colors={['blue', 'red']}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {user.LastLogin === undefined ? (
                    <NotShown />
                  ) : (
                    <RelativeTime value={user.LastLogin} />
                  )}
                </Table.Td>
                {onRemove && (
                  <Table.Td ta="right">
                    {!isOwner && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        aria-label={`Remove ${user.Name}`}
                        onClick={() => onRemove(user)}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
