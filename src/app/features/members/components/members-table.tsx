import { useState } from 'react';
import { Table, VisuallyHidden } from '@mantine/core';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { firstDirection, sortMembers } from '../sort-members.js';
import type { MemberSort, MemberSortKey } from '../sort-members.js';
import { CardList, usePhone } from '../../../ui/card-list.js';
import { MemberActions } from './member-actions.js';
import { MemberName, MemberNames } from './member-name.js';
import { MemberCard, MemberRow } from './member-row.js';
import { SortableTh } from '../../../ui/sortable-th.js';

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
  /**
   * A consumer's view: the other members' names only, no e-mail, state or sign-in of another
   * client (a broker's clients' privacy), and no contact panel.
   */
  namesOnly?: boolean;
}

export function MembersTable({
  group,
  ruleId,
  onRemove,
  onTogglePortal,
  emails,
  onOpenContact,
  namesOnly = false,
}: Props) {
  const [sort, setSort] = useState<MemberSort>({ key: 'name', direction: 'ascending' });
  const phone = usePhone();
  const members = sortMembers(group.Users, sort, group.ContactId);

  const sortBy = (key: MemberSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection[key] },
    );
  const directionOf = (key: MemberSortKey) => (sort.key === key ? sort.direction : undefined);

  const hasActions = Boolean(onRemove || onTogglePortal);
  if (namesOnly) return <MemberNames group={group} members={members} phone={phone} />;
  const rowProps = (user: PortalGroupUser) => {
    const isOwner = user.Id === group.ContactId;
    return {
      user,
      name: (
        <MemberName
          user={user}
          isOwner={isOwner}
          email={emails ? (emails.get(user.Id) ?? null) : undefined}
          onOpen={() => onOpenContact(user)}
        />
      ),
      actions: hasActions ? (
        <MemberActions
          user={user}
          isOwner={isOwner}
          onRemove={onRemove}
          onTogglePortal={onTogglePortal}
        />
      ) : null,
    };
  };

  if (phone) {
    return (
      <CardList label="Members">
        {members.map((user) => (
          <MemberCard key={user.Id} {...rowProps(user)} />
        ))}
      </CardList>
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
            <MemberRow key={user.Id} {...rowProps(user)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
