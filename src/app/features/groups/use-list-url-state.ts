import { useCallback, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { GroupListParams } from '../../data/group-keys.js';
import { readListParams, writeListParams } from './list-params.js';
import type { WholeBookUrlState } from './whole-book/book-view.js';

/**
 * Which view the list shows: pages from Flexmls, the whole book (`?all=1`), or every added agent's
 * book together (`?agents=all`, for office assistants).
 */
export type ListView = 'pages' | 'all' | 'agents';

const VIEW_PARAMS = ['all', 'agents', 'fav', 'inactive', 'by', 'apage', 'shares'];

function readView(search: URLSearchParams): ListView {
  if (search.get('agents') === 'all') return 'agents';
  return search.get('all') === '1' ? 'all' : 'pages';
}

function readWholeBook(search: URLSearchParams): WholeBookUrlState {
  return {
    favoritesOnly: search.get('fav') === '1',
    inactiveOnly: search.get('inactive') === '1',
    by: search.get('by'),
    shares: search.get('shares'),
    page: Math.max(1, Math.floor(Number(search.get('apage'))) || 1),
  };
}

function writeWholeBook(search: URLSearchParams, change: Partial<WholeBookUrlState>) {
  const next = new URLSearchParams(search);
  const flag = (key: string, on: boolean | undefined) => {
    if (on === undefined) return;
    if (on) next.set(key, '1');
    else next.delete(key);
  };
  flag('fav', change.favoritesOnly);
  flag('inactive', change.inactiveOnly);
  for (const key of ['by', 'shares'] as const) {
    const value = change[key];
    if (value === undefined) continue;
    if (value) next.set(key, value);
    else next.delete(key);
  }
  // A new filter or sort starts at the first page.
  const page = change.page ?? (Object.keys(change).length > 0 ? 1 : undefined);
  if (page !== undefined) {
    if (page > 1) next.set('apage', String(page));
    else next.delete('apage');
  }
  return next;
}

/**
 * The groups list's state in the address (search, sort, page, view and the whole book's filters), read and
 * written here only. React Router hands a functional update the parameters of the last render, so
 * two changes made before the page renders again would lose the first; each change here starts from
 * the one before it until the address has caught up.
 */
export function useListUrlState() {
  const [searchParams, setSearchParams] = useSearchParams();
  // Where the address was last rendered, and the changes written since that it has not shown yet.
  const pending = useRef<{ from: string; queue: string[] }>({
    from: searchParams.toString(),
    queue: [],
  });
  useLayoutEffect(() => {
    const shown = searchParams.toString();
    const { from, queue } = pending.current;
    if (shown === from) return;
    // The address caught up with part of the queue, or moved on without us (Back, a link).
    const reached = queue.indexOf(shown);
    pending.current = { from: shown, queue: reached >= 0 ? queue.slice(reached + 1) : [] };
  });

  const write = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams, replace = false) => {
      const { from, queue } = pending.current;
      const next = change(new URLSearchParams(queue.at(-1) ?? from));
      pending.current = { from, queue: [...queue, next.toString()] };
      void setSearchParams(next, { replace });
    },
    [setSearchParams],
  );

  return {
    list: readListParams(searchParams),
    view: readView(searchParams),
    wholeBook: readWholeBook(searchParams),
    setList: useCallback(
      (change: Partial<GroupListParams>, replace = false) =>
        write((current) => writeListParams({ ...readListParams(current), ...change }), replace),
      [write],
    ),
    /** Another view starts with no filters, search or page of the one before. */
    setView: useCallback(
      (view: ListView) =>
        write((current) => {
          const next = new URLSearchParams(current);
          for (const key of VIEW_PARAMS) next.delete(key);
          if (view !== 'pages') {
            next.set(view, view === 'all' ? '1' : 'all');
            next.delete('q');
            next.delete('page');
          }
          return next;
        }),
      [write],
    ),
    setWholeBook: useCallback(
      (change: Partial<WholeBookUrlState>) =>
        write((current) => writeWholeBook(current, change), true),
      [write],
    ),
  };
}
