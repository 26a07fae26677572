import pLimit from 'p-limit';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkRead } from '../api/spark-fetch.js';
import { listingCartReadSchema, savedSearchReadSchema } from './cart-shapes.js';
import type { ListingCart, SavedSearch } from './cart-shapes.js';
import { shareKeys } from './share-keys.js';

/** Every page of a small collection (a circle has a handful of carts and searches). */
async function readAll<T extends z.ZodType>(
  account: Account,
  item: T,
  path: string,
  signal?: AbortSignal,
  extra: Record<string, string> = {},
): Promise<z.infer<T>[]> {
  const all: z.infer<T>[] = [];
  for (let page = 1; ; page += 1) {
    const { results, pagination } = await sparkRead(account, item, {
      path,
      query: { ...extra, _limit: 25, _pagination: 1, _page: page },
      signal,
    });
    all.push(...results);
    if (!pagination || page >= pagination.TotalPages) return all;
  }
}

export interface CircleShares {
  carts: ListingCart[];
  searches: SavedSearch[];
}

/** A circle's carts and saved searches: its owner's, read through the contact (Private). */
export async function fetchCircleShares(
  account: Account,
  ownerId: string,
  signal?: AbortSignal,
): Promise<CircleShares> {
  const owner = `/contacts/${encodeURIComponent(ownerId)}`;
  const [carts, searches] = await Promise.all([
    // Which listings each cart holds: what the share dialog says is shared already.
    readAll(account, listingCartReadSchema, `${owner}/listingcarts`, signal, {
      _expand: 'ListingIds',
    }),
    readAll(account, savedSearchReadSchema, `${owner}/savedsearches`, signal),
  ]);
  return { carts, searches };
}

/**
 * Circles read at once: a list of circles asks for many, and they wait their turn instead of
 * filling the browser's connections (and Spark's rate limit) ahead of everything else.
 */
const circleReads = pLimit(3);

/** Kept for five minutes: the triage reads many circles, and the group page reuses them. */
export const SHARES_STALE_MS = 5 * 60_000;

export const circleSharesQueryOptions = (account: Account, ownerId: string) =>
  queryOptions({
    queryKey: shareKeys.summary(account, ownerId),
    queryFn: ({ signal }) =>
      circleReads(() => {
        // Left before its turn came (a filter turned off, a page left): not read at all.
        signal.throwIfAborted();
        return fetchCircleShares(account, ownerId, signal);
      }),
    staleTime: SHARES_STALE_MS,
  });

export function useCircleShares(ownerId: string) {
  return useQuery(circleSharesQueryOptions(useAccount(), ownerId));
}

/** Nothing in any cart and no saved search. */
export function sharesNothing({ carts, searches }: CircleShares): boolean {
  return searches.length === 0 && carts.every((cart) => cart.ListingCount === 0);
}

export function sharedListingCount({ carts }: CircleShares): number {
  return carts.reduce((sum, cart) => sum + cart.ListingCount, 0);
}
