import { queryOptions, useQuery } from '@tanstack/react-query';
import { listingReadSchema } from '../../../../shared/listings.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import { containsFilter } from '../../../api/spark-ql.js';
import { shareKeys } from '../../../data/share-keys.js';

/** How many listings a search shows: enough to pick from, small enough to read. */
export const FOUND_LIMIT = 8;

/** An MLS number (`26-10001`, or its start), else part of an address. */
export function listingFilter(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d[\d-]*$/.test(trimmed)) return `ListingId Eq '${trimmed}*'`;
  return containsFilter('UnparsedAddress', trimmed);
}

async function findListings(account: Account, text: string, signal?: AbortSignal) {
  const filter = listingFilter(text);
  if (!filter) return { listings: [], total: 0 };
  const { results, pagination } = await sparkRead(account, listingReadSchema, {
    path: '/listings',
    query: {
      _filter: filter,
      _expand: 'PrimaryPhoto',
      _limit: FOUND_LIMIT,
      _pagination: 1,
      _orderby: 'ListingId',
    },
    signal,
  });
  return { listings: results, total: pagination?.TotalRows ?? results.length };
}

export const findListingsQueryOptions = (account: Account, text: string) =>
  queryOptions({
    queryKey: shareKeys.listingSearch(account, text.trim()),
    queryFn: ({ signal }) => findListings(account, text, signal),
    enabled: text.trim().length >= 2,
    staleTime: 60_000,
  });

export function useFindListings(text: string) {
  return useQuery(findListingsQueryOptions(useAccount(), text));
}
