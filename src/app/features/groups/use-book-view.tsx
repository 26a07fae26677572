import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Checkbox, NativeSelect } from '@mantine/core';
import { PageNav } from '../../ui/page-nav.js';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { foldKey } from '../../../shared/name-order.js';
import { GROUPS_PAGE_SIZE } from '../../data/get-groups.js';
import { groupName, isFavorite, lastSignIn } from '../../data/group-summary.js';

/** The orders a whole-book view offers. */
export const BOOK_SORTS = ['owner', 'members', 'signin'] as const;
type SortKey = (typeof BOOK_SORTS)[number];

const SORT_LABELS: Record<SortKey, string> = {
  owner: 'Owner name',
  members: 'Member count (most first)',
  signin: 'Latest sign-in (most recent first)',
};

/** What a whole-book view shows of what circles share: a column, or a filter. */
export const SHARES_VIEWS = ['show', 'nothing', 'searches', 'listings'] as const;
export type SharesView = (typeof SHARES_VIEWS)[number];

/** A whole-book view's own state (the page keeps it in the address). */
export interface WholeBookUrlState {
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
    signIn: sort === 'signin' ? signInTime(group) : 0,
  }));
  type Row = (typeof rows)[number];
  const byOwner = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const comparators: Record<SortKey, (a: Row, b: Row) => number> = {
    owner: byOwner,
    members: (a, b) => b.members - a.members || byOwner(a, b),
    signin: (a, b) => b.signIn - a.signIn || byOwner(a, b),
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
  const { favoritesOnly, by: sort, page } = state;
  const extraKeep = extra?.keep ?? null;
  const sorted = useMemo(
    () =>
      all &&
      sortedGroups(
        all,
        sort,
        (group) => (!favoritesOnly || isFavorite(group)) && (!extraKeep || extraKeep(group)),
      ),
    [all, sort, favoritesOnly, extraKeep],
  );
  const pages = Math.max(1, Math.ceil((sorted?.length ?? 0) / GROUPS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = sorted?.slice((current - 1) * GROUPS_PAGE_SIZE, current * GROUPS_PAGE_SIZE) ?? [];

  const filters = (
    <>
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

  /** The table's Owner header sorts by owner name. */
  const sortByOwner = () => set({ by: 'owner' });
  return { filters, shown: sorted?.length ?? 0, slice, pagination, sortByOwner };
}
