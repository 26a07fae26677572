import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listingReadSchema } from '../../../../shared/listings.js';
import type { Listing } from '../../../../shared/listings.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import { SHARES_STALE_MS } from '../../../data/circle-shares.js';
import { shareKeys } from '../../../data/share-keys.js';

/** Listings a page: Spark's most. */
export const CART_PAGE_SIZE = 25;

export interface ListingsPage {
  listings: Listing[];
  total: number;
  page: number;
  pages: number;
}

/** One page of a cart's listings with their primary photo. */
export async function fetchCartListings(
  account: Account,
  cartPath: string,
  page: number,
  signal?: AbortSignal,
): Promise<ListingsPage> {
  const { results, pagination } = await sparkRead(account, listingReadSchema, {
    path: `${cartPath}/listings`,
    query: { _expand: 'PrimaryPhoto', _limit: CART_PAGE_SIZE, _pagination: 1, _page: page },
    signal,
  });
  return {
    listings: results,
    total: pagination?.TotalRows ?? results.length,
    page,
    pages: pagination?.TotalPages ?? 1,
  };
}

/** A circle's cart, read through its owner (Private). */
export function circleCartPath(ownerId: string, cartId: string): string {
  return `/contacts/${encodeURIComponent(ownerId)}/listingcarts/${encodeURIComponent(cartId)}`;
}

export const cartListingsQueryOptions = (account: Account, ownerId: string, cartId: string) =>
  infiniteQueryOptions({
    queryKey: shareKeys.cartListings(account, ownerId, cartId),
    queryFn: ({ pageParam, signal }) =>
      fetchCartListings(account, circleCartPath(ownerId, cartId), pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last: ListingsPage) => (last.page < last.pages ? last.page + 1 : undefined),
    staleTime: SHARES_STALE_MS,
  });

export function useCartListings(ownerId: string, cartId: string, enabled: boolean) {
  return useInfiniteQuery({
    ...cartListingsQueryOptions(useAccount(), ownerId, cartId),
    enabled,
  });
}
