import type { PortalGroup } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { readRetryDelay, shouldRetryRead } from '../../../api/retry-policy.js';
import { fetchGroups } from '../../../data/get-groups.js';
import type { GroupsPage } from '../../../data/get-groups.js';

/** Past this many groups loading them all would take too long and too much of the rate limit. */
export const WHOLE_BOOK_LIMIT = 12_000;

export class WholeBookTooLarge extends Error {
  constructor(readonly total: number) {
    super(
      `There are ${total.toLocaleString('en-US')} groups; loading all of them is limited to ${WHOLE_BOOK_LIMIT.toLocaleString('en-US')}. Use the search instead.`,
    );
  }
}

export interface WholeBook {
  groups: PortalGroup[];
}

/** One page, retried like every read (Retry-After on 429 and 1550). */
async function fetchPage(account: Account, page: number, signal: AbortSignal): Promise<GroupsPage> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await fetchGroups(account, { q: '', sort: 'Name', page }, signal);
    } catch (error) {
      if (signal.aborted || !shouldRetryRead(failures, error)) throw error;
      const wait = readRetryDelay(failures, error);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, wait);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        });
      });
    }
  }
}

/**
 * Pages in flight at once: a page is small (25 groups), so one at a time leaves the connection
 * idle between answers; the browser opens at most 6 connections to one origin anyway.
 */
export const WHOLE_BOOK_CONCURRENCY = 4;

/** Reads every page of the account's groups, a few at a time, and keeps them in page order. */
export async function loadWholeBook(
  account: Account,
  signal: AbortSignal,
  onProgress: (loaded: number, total: number) => void,
): Promise<WholeBook> {
  const first = await fetchPage(account, 1, signal);
  const { TotalRows, TotalPages } = first.pagination;
  if (TotalRows > WHOLE_BOOK_LIMIT) throw new WholeBookTooLarge(TotalRows);
  const pages: PortalGroup[][] = [first.groups];
  let loaded = first.groups.length;
  onProgress(loaded, TotalRows);
  let next = 2;
  let failed = false;
  const worker = async () => {
    while (next <= TotalPages && !failed) {
      signal.throwIfAborted();
      const page = next++;
      const answer = await fetchPage(account, page, signal).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      pages[page - 1] = answer.groups;
      loaded += answer.groups.length;
      onProgress(loaded, TotalRows);
    }
  };
  await Promise.all(Array.from({ length: WHOLE_BOOK_CONCURRENCY }, worker));
  return { groups: pages.flat() };
}
