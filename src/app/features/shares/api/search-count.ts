import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import { sparkQuote } from '../../../api/spark-ql.js';
import { SHARES_STALE_MS } from '../../../data/circle-shares.js';
import { shareKeys } from '../../../data/share-keys.js';

/** How many listings a saved search matches now: `SavedSearch Eq` with `_pagination=count`. */
async function fetchSearchCount(account: Account, searchId: string, signal?: AbortSignal) {
  const { pagination } = await sparkRead(account, z.unknown(), {
    path: '/listings',
    query: { _filter: `SavedSearch Eq ${sparkQuote(searchId)}`, _pagination: 'count' },
    signal,
  });
  return pagination?.TotalRows ?? 0;
}

export const searchCountQueryOptions = (account: Account, ownerId: string, searchId: string) =>
  queryOptions({
    queryKey: shareKeys.searchCount(account, ownerId, searchId),
    queryFn: ({ signal }) => fetchSearchCount(account, searchId, signal),
    staleTime: SHARES_STALE_MS,
  });

export function useSearchCount(ownerId: string, searchId: string) {
  return useQuery(searchCountQueryOptions(useAccount(), ownerId, searchId));
}
