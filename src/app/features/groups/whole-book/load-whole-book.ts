import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { readRetryDelay, shouldRetryRead } from '../../../query-client.js';
import { fetchGroups } from '../../../data/get-groups.js';
import type { GroupsPage } from '../../../data/get-groups.js';

/** Past this many groups loading them all would take too long and too much of the rate limit. */
export const WHOLE_BOOK_LIMIT = 5000;

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
async function fetchPage(
  page: number,
  signal: AbortSignal,
  agent: string | null | undefined,
): Promise<GroupsPage> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await fetchGroups({ q: '', sort: 'Name', page }, signal, agent);
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

/** Reads every page in turn, for `agent` (by default whom the tab works for). */
export async function loadWholeBook(
  signal: AbortSignal,
  onProgress: (loaded: number, total: number) => void,
  agent?: string | null,
): Promise<WholeBook> {
  const first = await fetchPage(1, signal, agent);
  const { TotalRows, TotalPages } = first.pagination;
  if (TotalRows > WHOLE_BOOK_LIMIT) throw new WholeBookTooLarge(TotalRows);
  const groups = [...first.groups];
  onProgress(groups.length, TotalRows);
  for (let page = 2; page <= TotalPages; page += 1) {
    signal.throwIfAborted();
    const next = await fetchPage(page, signal, agent);
    groups.push(...next.groups);
    onProgress(groups.length, TotalRows);
  }
  return { groups };
}
