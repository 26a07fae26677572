import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Checkbox, NativeSelect } from '@mantine/core';
import { PageNav } from '../../ui/page-nav.js';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { foldKey } from '../../../shared/name-order.js';
import { GROUPS_PAGE_SIZE } from '../../data/get-groups.js';
import { groupName, isFavorite, lastSignIn } from '../../data/group-summary.js';
import type { BookSort, BookSortKey, ExtraColumn } from './components/groups-table-parts.js';
import { GroupsSearch } from './components/groups-search.js';
import { matchGroups } from '../../data/member-search.js';

/** The orders a whole-book view offers. */
export const BOOK_SORTS = ['owner', 'members', 'signin', 'signin-oldest'] as const;
type SortKey = (typeof BOOK_SORTS)[number] & BookSortKey;

const SORT_LABELS: Record<SortKey, string> = {
  owner: 'Owner name',
  members: 'Member count (most first)',
  signin: 'Latest sign-in (most recent first)',
  'signin-oldest': 'Latest sign-in (oldest first)',
};

/** What a whole-book view shows of what circles share: a column, or a filter. */
export const SHARES_VIEWS = ['show', 'nothing', 'searches', 'listings'] as const;
export type SharesView = (typeof SHARES_VIEWS)[number];

/** A whole-book view's own state (the page keeps it in the address). */
export interface WholeBookUrlState {
  /** Owner's or a member's name. */
  q: string;
  favoritesOnly: boolean;
  by: SortKey;
  /** What circles share, as a column or a filter; null: not looked at. */
  shares: SharesView | null;
  page: number;
}

function signInTime(group: PortalGroup): number {
  const value = lastSignIn(group);
  return value ? new Date(value).getTime() : -Infinity;
}

/** Never signed in counts as the oldest; two of them keep the owner's order. */
const bySignIn = (a: number, b: number) => (a === b ? 0 : a - b);

/**
 * The groups the filters keep, in the chosen order. Each group's keys are worked out once, not
 * in every comparison: folding 10,000 names per comparison held the page for a tenth of a second.
 */
function sortedGroups(
  all: PortalGroup[],
  sort: SortKey,
  keep: (group: PortalGroup) => boolean,
): PortalGroup[] {
  const rows = all.filter(keep).map((group) => ({
    group,
    name: foldKey(groupName(group)),
    members: group.Users.length,
    signIn: sort === 'signin' || sort === 'signin-oldest' ? signInTime(group) : 0,
  }));
  type Row = (typeof rows)[number];
  const byOwner = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const comparators: Record<SortKey, (a: Row, b: Row) => number> = {
    owner: byOwner,
    members: (a, b) => b.members - a.members || byOwner(a, b),
    signin: (a, b) => bySignIn(b.signIn, a.signIn) || byOwner(a, b),
    'signin-oldest': (a, b) => bySignIn(a.signIn, b.signIn) || byOwner(a, b),
  };
  return rows.sort(comparators[sort]).map((row) => row.group);
}

/**
 * Filters, sort and page of a view over whole books, applied to `all` the groups loaded (one agent's, or several agents' together). The filtered,
 * sorted list is worked out again only when the groups, a filter or the sort change.
 */
export function useBookView(
  state: WholeBookUrlState,
  set: (change: Partial<WholeBookUrlState>) => void,
  all: PortalGroup[] | undefined,
  /** A filter of the view's own (e.g. what circles share), worked in with the others. */
  extra?: { keep: ((group: PortalGroup) => boolean) | null; filters: ReactNode },
) {
  const { q, favoritesOnly, by: sort, page } = state;
  const extraKeep = extra?.keep ?? null;
  const found = useMemo(
    () => (all && q ? new Map(matchGroups(all, q).map((match) => [match.group.Id, match])) : null),
    [all, q],
  );
  const sorted = useMemo(
    () =>
      all &&
      sortedGroups(
        all,
        sort,
        (group) =>
          (!found || found.has(group.Id)) &&
          (!favoritesOnly || isFavorite(group)) &&
          (!extraKeep || extraKeep(group)),
      ),
    [all, sort, favoritesOnly, extraKeep, found],
  );
  const pages = Math.max(1, Math.ceil((sorted?.length ?? 0) / GROUPS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = sorted?.slice((current - 1) * GROUPS_PAGE_SIZE, current * GROUPS_PAGE_SIZE) ?? [];

  const filters = (
    <>
      <GroupsSearch
        value={q}
        onSearch={(next) => set({ q: next })}
        placeholder="Owner or member name"
      />
      <Checkbox
        label="Favorites only"
        checked={favoritesOnly}
        onChange={(event) => set({ favoritesOnly: event.currentTarget.checked })}
      />
      <NativeSelect
        label="Sort all groups by"
        data={BOOK_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        value={sort}
        onChange={(event) => {
          const value = BOOK_SORTS.find((key) => key === event.currentTarget.value);
          if (value) set({ by: value });
        }}
        w={280}
      />
      {extra?.filters}
    </>
  );

  const pagination = (
    <PageNav total={pages} value={current} onChange={(next) => set({ page: next })} />
  );

  /** The table's Owner header sorts by owner name, its Last sign-in header by sign-in. */
  const sortByOwner = () => set({ by: 'owner' });
  const bookSort: BookSort = { by: sort, onSortBySignIn: (by) => set({ by }) };
  /** While searching: why each circle was found ("Beatriz Castillo is a member"). */
  const why: ExtraColumn | null = found
    ? { header: 'Why it matched', cell: (group) => found.get(group.Id)?.why ?? '' }
    : null;
  return {
    filters,
    shown: sorted?.length ?? 0,
    sorted: sorted ?? [],
    slice,
    pagination,
    sortByOwner,
    bookSort,
    why,
  };
}
