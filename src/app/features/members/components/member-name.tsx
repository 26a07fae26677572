import { Anchor, Group, Table, Text } from '@mantine/core';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { isAgent } from '../../../data/member-state.js';
import { CardList, CardListItem } from '../../../ui/card-list.js';
import { AgentBadge, OwnerBadge } from './member-badges.js';
import classes from './member-parts.module.css';

interface Props {
  user: PortalGroupUser;
  isOwner: boolean;
  /** null: the contact has none; undefined while loading. */
  email: string | null | undefined;
  onOpen: () => void;
}

/** The member's name, which opens their contact, with badges and the e-mail under it. */
export function MemberName({ user, isOwner, email, onOpen }: Props) {
  return (
    <div className={classes.name}>
      <div className={classes.nameLine}>
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
      </div>
      <p className={classes.note} style={{ overflowWrap: 'anywhere' }}>
        {email === undefined ? '\u00a0' : (email ?? 'No e-mail')}
      </p>
    </div>
  );
}

/** A consumer's view of a circle's members: each name, the owner marked, nothing else. */
export function MemberNames({
  group,
  members,
  phone,
}: {
  group: PortalGroup;
  members: PortalGroupUser[];
  phone: boolean;
}) {
  const name = (user: PortalGroupUser) => (
    <Group gap="xs" wrap="nowrap">
      <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {user.Name}
      </Text>
      {user.Id === group.ContactId && <OwnerBadge />}
      {isAgent(user) && <AgentBadge />}
    </Group>
  );
  if (phone) {
    return (
      <CardList label="Members">
        {members.map((user) => (
          <CardListItem key={user.Id}>{name(user)}</CardListItem>
        ))}
      </CardList>
    );
  }
  return (
    <Table aria-label="Members" verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((user) => (
          <Table.Tr key={user.Id}>
            <Table.Td>{name(user)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
