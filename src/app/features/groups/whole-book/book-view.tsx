import { Checkbox, NativeSelect, Pagination } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { compareNames } from '../../../../shared/name-order.js';
import { GROUPS_PAGE_SIZE } from '../../../data/get-groups.js';
import { groupName, isFavorite, lastSignIn } from '../../../data/group-summary.js';
import { hasInactiveMembers } from '../../../data/member-state.js';

/** A whole-book view's own state: `?all=1&fav=1&inactive=1&by=members&apage=2`. */
export interface WholeBookUrlState {
  favoritesOnly: boolean;
  inactiveOnly: boolean;
  /** A sort key, checked by the panel; null: by owner. */
  by: string | null;
  page: number;
}

const SORTS = [
  { value: 'owner', label: 'Owner name' },
  { value: 'members', label: 'Member count (most first)' },
  { value: 'signin', label: 'Latest sign-in (most recent first)' },
] as const;
type SortKey = (typeof SORTS)[number]['value'];

function signInTime(group: PortalGroup): number {
  const value = lastSignIn(group);
  return value ? new Date(value).getTime() : -Infinity;
}

const byOwner = (a: PortalGroup, b: PortalGroup) => compareNames(groupName(a), groupName(b));
const comparators: Record<SortKey, (a: PortalGroup, b: PortalGroup) => number> = {
  owner: byOwner,
  members: (a, b) => b.Users.length - a.Users.length || byOwner(a, b),
  signin: (a, b) => signInTime(b) - signInTime(a) || byOwner(a, b),
};

function readSort(value: string | null): SortKey {
  return SORTS.find((sort) => sort.value === value)?.value ?? 'owner';
}

/**
 * Filters, sort and page of a view over whole books, kept in the address (`useListUrlState`);
 * `pageOf` applies them to every group loaded (one agent's, or several agents' together).
 */
export function bookView(
  state: WholeBookUrlState,
  set: (change: Partial<WholeBookUrlState>) => void,
) {
  const { favoritesOnly, inactiveOnly, page } = state;
  const sort = readSort(state.by);

  const pageOf = (all: PortalGroup[]) => {
    const shown = all
      .filter(
        (group) =>
          (!favoritesOnly || isFavorite(group)) && (!inactiveOnly || hasInactiveMembers(group)),
      )
      .sort(comparators[sort]);
    const pages = Math.max(1, Math.ceil(shown.length / GROUPS_PAGE_SIZE));
    const current = Math.min(page, pages);
    const slice = shown.slice((current - 1) * GROUPS_PAGE_SIZE, current * GROUPS_PAGE_SIZE);
    return { shown: shown.length, slice, pages, current };
  };

  const filters = (
    <>
      <Checkbox
        label="Favorites only"
        checked={favoritesOnly}
        onChange={(event) => set({ favoritesOnly: event.currentTarget.checked })}
      />
      <Checkbox
        label="Has inactive members"
        checked={inactiveOnly}
        onChange={(event) => set({ inactiveOnly: event.currentTarget.checked })}
      />
      <NativeSelect
        label="Sort all groups by"
        data={[...SORTS]}
        value={sort}
        onChange={(event) => {
          const value = event.currentTarget.value;
          set({ by: value === 'owner' ? null : value });
        }}
        w={280}
      />
    </>
  );

  const pagination = ({ pages, current }: { pages: number; current: number }) =>
    pages > 1 && (
      <Pagination
        total={pages}
        value={current}
        onChange={(next) => set({ page: next })}
        size="sm"
        getControlProps={(control) => ({
          'aria-label': {
            first: 'First page',
            last: 'Last page',
            next: 'Next page',
            previous: 'Previous page',
          }[control],
        })}
        getItemProps={(item) => ({
          'aria-label': `Page ${item}`,
          'aria-current': item === current ? 'page' : undefined,
        })}
      />
    );

  /** The table's Owner header sorts by owner name. */
  const sortByOwner = () => set({ by: null });
  return { filters, pageOf, pagination, sortByOwner };
}
