import { useCallback, useMemo } from 'react';
import { createLoader, parseAsStringLiteral, useQueryStates } from 'nuqs';
import type { UrlKeys } from 'nuqs';
import type { GroupListParams } from '../data/group-keys.js';
import type { ListView } from '../features/groups/components/groups-views.js';
import { BOOK_SORTS, SHARES_VIEWS } from '../features/groups/use-book-view.js';
import type { WholeBookUrlState } from '../features/groups/use-book-view.js';
import { parseAsFlag, parseAsPageNumber, parseAsTrimmed } from './search-params.js';

/**
 * The groups page's state in the address: the list's search, sort and page
 * (`?q=ann&sort=-Name&page=2`), the view (`?all=1`: the whole book; `?agents=all`: every added
 * agent's book together) and a whole-book view's filters, sort and page
 * (`?fav=1&by=members&shares=nothing&apage=2`). The page's loader and the page read it with these
 * parsers; nuqs writes changes made one after another before the page renders again together.
 */
const groupsSearch = {
  q: parseAsTrimmed,
  sort: parseAsStringLiteral(['Name', '-Name'] as const).withDefault('Name'),
  page: parseAsPageNumber,
  all: parseAsFlag,
  agents: parseAsStringLiteral(['all'] as const),
  bookQ: parseAsTrimmed,
  favoritesOnly: parseAsFlag,
  by: parseAsStringLiteral(BOOK_SORTS).withDefault('owner'),
  shares: parseAsStringLiteral(SHARES_VIEWS),
  bookPage: parseAsPageNumber,
};

const urlKeys: UrlKeys<typeof groupsSearch> = {
  favoritesOnly: 'fav',
  bookPage: 'apage',
  bookQ: 'aq',
};

export const loadGroupsSearch = createLoader(groupsSearch, { urlKeys });

/** Another view starts without the filters, search or page of the one before. */
const NO_VIEW = {
  bookQ: null,
  all: null,
  agents: null,
  favoritesOnly: null,
  by: null,
  shares: null,
  bookPage: null,
};

export function useGroupsSearch() {
  const [search, setSearch] = useQueryStates(groupsSearch, { urlKeys, shallow: false });
  const { q, sort, page, all, agents, bookQ, favoritesOnly, by, shares, bookPage } = search;
  const view: ListView = agents === 'all' ? 'agents' : all ? 'all' : 'pages';
  return {
    list: useMemo<GroupListParams>(() => ({ q, sort, page }), [q, sort, page]),
    view,
    wholeBook: useMemo<WholeBookUrlState>(
      () => ({ q: bookQ, favoritesOnly, by, shares, page: bookPage }),
      [bookQ, favoritesOnly, by, shares, bookPage],
    ),
    /** A search replaces the entry in the history (`replace`); a sort or a page adds one. */
    setList: useCallback(
      (change: Partial<GroupListParams>, replace = false) =>
        void setSearch(change, { history: replace ? 'replace' : 'push' }),
      [setSearch],
    ),
    setView: useCallback(
      (next: ListView) =>
        void setSearch(
          next === 'pages'
            ? NO_VIEW
            : next === 'all'
              ? { ...NO_VIEW, all: true, q: null, page: null }
              : { ...NO_VIEW, agents: 'all', q: null, page: null },
          { history: 'push' },
        ),
      [setSearch],
    ),
    /** A new filter or sort starts at the first page. */
    setWholeBook: useCallback(
      ({ page: nextPage, q: nextQ, ...change }: Partial<WholeBookUrlState>) =>
        void setSearch(
          {
            ...change,
            ...(nextQ === undefined ? {} : { bookQ: nextQ || null }),
            bookPage: nextPage ?? null,
          },
          { history: 'replace' },
        ),
      [setSearch],
    ),
  };
}
