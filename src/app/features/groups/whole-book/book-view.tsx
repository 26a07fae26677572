import { Checkbox, NativeSelect, Pagination } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { compareNames } from '../../../../shared/name-order.js';
import { GROUPS_PAGE_SIZE } from '../api/get-groups.js';
import { groupName, isFavorite, lastSignIn } from '../group-summary.js';
import { hasInactiveMembers } from '../../members/index.js';

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

/** The address's query-string parameters of a whole-book view. */
export const BOOK_VIEW_PARAMS = ['fav', 'inactive', 'by', 'apage'];

/**
 * Filters, sort and page of a view over whole books, kept in the address; `pageOf` applies them
 * to every group loaded (one agent's, or several agents' together).
 */
export function useBookView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const favoritesOnly = searchParams.get('fav') === '1';
  const inactiveOnly = searchParams.get('inactive') === '1';
  const sort = readSort(searchParams.get('by'));
  const page = Math.max(1, Number(searchParams.get('apage')) || 1);
  const set = (change: Record<string, string | null>) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

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
        onChange={(event) => set({ fav: event.currentTarget.checked ? '1' : null, apage: null })}
      />
      <Checkbox
        label="Has inactive members"
        checked={inactiveOnly}
        onChange={(event) =>
          set({ inactive: event.currentTarget.checked ? '1' : null, apage: null })
        }
      />
      <NativeSelect
        label="Sort all groups by"
        data={[...SORTS]}
        value={sort}
        onChange={(event) => {
          const value = event.currentTarget.value;
          set({ by: value === 'owner' ? null : value, apage: null });
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
        onChange={(next) => set({ apage: String(next) })}
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
  const sortByOwner = () => set({ by: null, apage: null });
  return { filters, pageOf, pagination, sortByOwner };
}
