import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { isAgent, memberState } from '../../../data/member-state.js';
import { CardListItem } from '../../../ui/card-list.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { MemberActivity, NotShown, PortalBadge } from './member-badges.js';
import classes from './member-parts.module.css';

interface Props {
  user: PortalGroupUser;
  /** The name cell's content. */
  name: ReactNode;
  /** The buttons; null when the user may not change the group (no column then). */
  actions: ReactNode;
}

/** One member as a table row. */
export function MemberRow({ user, name, actions }: Props) {
  const shown = (content: ReactNode) => (isAgent(user) ? <NotShown /> : content);
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td>{shown(<MemberActivity state={memberState(user)} />)}</Table.Td>
      <Table.Td>{shown(<PortalBadge user={user} />)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {shown(<RelativeTime value={user.LastLogin} />)}
      </Table.Td>
      {actions && <Table.Td>{actions}</Table.Td>}
    </Table.Tr>
  );
}

/** One member as a card, the phone form of the row. */
export function MemberCard({ user, name, actions }: Props) {
  return (
    <CardListItem>
      {name}
      {isAgent(user) ? (
        <NotShown />
      ) : (
        <>
          <div className={classes.badges}>
            <MemberActivity state={memberState(user)} />
            <PortalBadge user={user} />
          </div>
          <p className={classes.small}>
            Last login: <RelativeTime value={user.LastLogin} />
          </p>
        </>
      )}
      {actions}
    </CardListItem>
  );
}
