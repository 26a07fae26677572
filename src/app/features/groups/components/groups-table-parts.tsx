import { Anchor, Badge, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { agentAccount, type Account } from '../../../account/account.js';
import { paths } from '../../../account/paths.js';
import { useAccount } from '../../../account/use-account.js';
import { prefetchContactEmails } from '../../../data/fetch-contact-emails.js';
import { prefetchGroupPage } from '../../../data/get-group.js';
import type { GroupListParams } from '../../../data/group-keys.js';
import { groupName, isFavorite } from '../../../data/group-summary.js';
import { canEditNow } from '../../../data/session.js';
import { preloadPageCode } from '../../../ui/page-code.js';
import { PlainCheckbox } from '../../../ui/plain-checkbox.js';
import { useIntent } from '../../../ui/use-intent.js';
import { focusIfOpened, rememberOpenedRow } from '../return-focus.js';

/** Rows of several agents' groups: each opens under its own agent. */
export interface AgentRows {
  nameOf: (group: PortalGroup) => string;
  agentOf: (group: PortalGroup) => string;
}

export interface RowSelection {
  isSelected: (id: string) => boolean;
  onToggle: (group: PortalGroup, checked: boolean) => void;
  onTogglePage: (checked: boolean) => void;
}

/** Selection and bulk actions in a view of many groups; the page provides them. */
export interface BookBulk {
  /** The row boxes, "select all" meaning the groups `shown`. */
  rows: (shown: PortalGroup[]) => RowSelection;
  /** Selects every one of `groups` (all the view finds, past its page). */
  selectAll: (groups: PortalGroup[]) => void;
  /** The bulk bar, once something was selected. */
  dock: React.ReactNode;
}

/** A column a view adds to the table (a card line on a phone), e.g. what each circle shares. */
export interface ExtraColumn {
  header: string;
  cell: (group: PortalGroup) => React.ReactNode;
}

/** What a link from the list tells the group page, so its way back keeps the list's state. */
export interface GroupLinkState {
  /** The list's whole address (path and query), e.g. `/groups?agents=all&fav=1`. */
  listPath: string;
}

/** The orders of a whole book (see use-book-view.tsx). */
export type BookSortKey = 'owner' | 'members' | 'signin' | 'signin-oldest';

/** A whole book's order, and the way to sort it by sign-in from the column's header. */
export interface BookSort {
  by: BookSortKey;
  onSortBySignIn: (by: 'signin' | 'signin-oldest') => void;
}

/** The owner column's header: sorts the list by owner name, A to Z or Z to A. */
export function OwnerSortButton({
  sort,
  onSortChange,
  active = true,
}: {
  sort: GroupListParams['sort'];
  onSortChange: (sort: GroupListParams['sort']) => void;
  /** False while another column gives the order: the first click sorts A to Z. */
  active?: boolean;
}) {
  const descending = active && sort === '-Name';
  return (
    <UnstyledButton fw={700} fz="sm" onClick={() => onSortChange(descending ? 'Name' : '-Name')}>
      Owner {active && <span aria-hidden="true">{descending ? '▼' : '▲'}</span>}
      <VisuallyHidden>
        {!active ? ' (sort A to Z)' : descending ? ' (sort A to Z)' : ' (sort Z to A)'}
      </VisuallyHidden>
    </UnstyledButton>
  );
}

export function signInAriaSort(by: BookSortKey) {
  return by === 'signin' ? 'descending' : by === 'signin-oldest' ? 'ascending' : undefined;
}

/** The Last sign-in header of a whole book: most recent first, then oldest first. */
export function SignInSortButton({ by, onSortBySignIn }: BookSort) {
  const next = by === 'signin' ? 'signin-oldest' : 'signin';
  return (
    <UnstyledButton fw={700} fz="sm" onClick={() => onSortBySignIn(next)}>
      Last sign-in{' '}
      {by === 'signin' || by === 'signin-oldest' ? (
        <span aria-hidden="true">{by === 'signin' ? '▼' : '▲'}</span>
      ) : null}
      <VisuallyHidden>
        {next === 'signin' ? ' (sort most recent first)' : ' (sort oldest first)'}
      </VisuallyHidden>
    </UnstyledButton>
  );
}

/** What every row's link needs from the list around it: read once per list, not once per row. */
export interface RowLinks {
  queryClient: QueryClient;
  /** The list's whole address (path and query), for the group page's way back. */
  listPath: string;
  /** The account the list works for. */
  account: Account;
}

export function useRowLinks(): RowLinks {
  const queryClient = useQueryClient();
  // The group page's way back returns to this list as it is now (its account, search, page, sort,
  // filters): All my agents lives in the own account's address, the group under its agent's.
  const { pathname, search } = useLocation();
  const account = useAccount();
  const listPath = `${pathname}${search}`;
  return useMemo(() => ({ queryClient, listPath, account }), [queryClient, listPath, account]);
}

/** A group's name, linking to its page. */
export function GroupLink({
  group,
  dataUpdatedAt,
  agents,
  links: { queryClient, listPath, account: current },
}: {
  group: PortalGroup;
  dataUpdatedAt: number;
  agents?: AgentRows;
  links: RowLinks;
}) {
  // Another agent's group opens under that agent, and seeds that agent's cache.
  const account = agents ? agentAccount(agents.agentOf(group)) : current;
  // What opening the circle needs, started on intent so it opens from cache: the page's code, the
  // group as this list shows it (its members), and the members' e-mails (agents only). Each read
  // goes out once per row while fresh (the queries' staleTime), however often intent repeats.
  const intent = useIntent(() => {
    preloadPageCode('group');
    prefetchGroupPage(queryClient, account, group.Id, { group, updatedAt: dataUpdatedAt });
    if (canEditNow(queryClient))
      prefetchContactEmails(
        queryClient,
        account,
        group.Users.map((user) => user.Id),
      );
  });
  return (
    <Anchor
      component={Link}
      to={paths.group(account.agentId, group.Id)}
      state={{ listPath } satisfies GroupLinkState}
      {...intent}
      onClick={() => rememberOpenedRow(group.Id)}
      // Back from the circle: focus returns to the row it was opened from.
      ref={(link: HTMLAnchorElement | null) => focusIfOpened(group.Id, link)}
      style={{ overflowWrap: 'anywhere' }}
    >
      {groupName(group)}
    </Anchor>
  );
}

export function RowCheckbox({
  group,
  selection,
}: {
  group: PortalGroup;
  selection?: RowSelection;
}) {
  if (!selection) return null;
  return (
    <PlainCheckbox
      aria-label={`Select ${groupName(group)}`}
      checked={selection.isSelected(group.Id)}
      onChange={(event) => selection.onToggle(group, event.currentTarget.checked)}
    />
  );
}

export function AgentBadge({ group, agents }: { group: PortalGroup; agents?: AgentRows }) {
  if (!agents) return null;
  return (
    <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
      {agents.nameOf(group)}
    </Badge>
  );
}

export function FavoriteMark({ group }: { group: PortalGroup }) {
  return isFavorite(group) ? (
    <Badge variant="light">Favorites</Badge>
  ) : (
    <Text span size="sm" c="dimmed">
      <span aria-hidden="true">–</span>
      <VisuallyHidden>Not in Favorites</VisuallyHidden>
    </Text>
  );
}
