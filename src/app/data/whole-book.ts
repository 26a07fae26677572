import { queryOptions } from '@tanstack/react-query';
import type { QueryFunctionContext, QueryKey } from '@tanstack/react-query';
import type { PortalGroup } from '../../shared/portal-groups.js';
import type { Account } from '../account/account.js';
import { withReadRetries } from '../api/retry-policy.js';
import { runWithLimit } from '../api/run-with-limit.js';
import { fetchGroups } from './get-groups.js';
import { groupKeys } from './group-keys.js';

/** Past this many groups loading them all would take too long and too much of the rate limit. */
export const WHOLE_BOOK_LIMIT = 12_000;

/**
 * Pages in flight at once: a page is small (25 groups), so one at a time leaves the connection
 * idle between answers; the browser opens at most 6 connections to one origin anyway.
 */
export const WHOLE_BOOK_CONCURRENCY = 4;

export class WholeBookTooLarge extends Error {
  constructor(readonly total: number) {
    super(
      `There are ${total.toLocaleString('en-US')} groups; loading all of them is limited to ${WHOLE_BOOK_LIMIT.toLocaleString('en-US')}. Use the search instead.`,
    );
  }
}

/** Every group of an account, or, until `complete`, how many of them have arrived (no groups yet). */
export interface WholeBook {
  groups: PortalGroup[];
  loaded: number;
  total: number;
  complete: boolean;
}

/** One page, retried like every read (Retry-After on 429 and 1550). */
function readPage(account: Account, page: number, signal: AbortSignal) {
  return withReadRetries(() => fetchGroups(account, { q: '', sort: 'Name', page }, signal), signal);
}

/**
 * Reads every page of the account's groups, a few at a time, and keeps them in page order. How far
 * it has come is the query's data while it runs; once cancelled it writes nothing more.
 */
async function loadWholeBook(
  account: Account,
  { client, queryKey, signal }: QueryFunctionContext<QueryKey>,
): Promise<WholeBook> {
  const progress = (loaded: number, total: number) => {
    if (!signal.aborted)
      client.setQueryData<WholeBook>(queryKey, { groups: [], loaded, total, complete: false });
  };
  progress(0, 0);
  const first = await readPage(account, 1, signal);
  const { TotalRows: total, TotalPages } = first.pagination;
  if (total > WHOLE_BOOK_LIMIT) throw new WholeBookTooLarge(total);
  let loaded = first.groups.length;
  progress(loaded, total);
  let failed = false;
  const rest = await runWithLimit(
    Array.from({ length: TotalPages - 1 }, (_, index) => index + 2),
    WHOLE_BOOK_CONCURRENCY,
    async (page) => {
      // Past a failure or a cancel, no more pages are asked for.
      if (failed) throw new Error('An earlier page failed');
      signal.throwIfAborted();
      const { groups } = await readPage(account, page, signal).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      loaded += groups.length;
      progress(loaded, total);
      return groups;
    },
  );
  const groups = [first.groups];
  for (const page of rest) {
    if (!page.ok) throw page.error;
    groups.push(page.value);
  }
  return { groups: groups.flat(), loaded, total, complete: true };
}

/**
 * An account's whole book: loaded when first shown, then kept as it is (writes update it in
 * place, data/group-cache.ts) until Reload; one left incomplete (cancelled, failed) loads again
 * when next shown. Each page retries on its own, so the query does not retry all of them.
 */
export const wholeBookQueryOptions = (account: Account) =>
  queryOptions({
    queryKey: groupKeys.wholeBook(account),
    queryFn: (context) => loadWholeBook(account, context),
    staleTime: (query) => (query.state.data?.complete ? 'static' : 0),
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
