import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import { fetchCartListings } from './cart-listings.js';
import type { ListingsPage } from './cart-listings.js';
import type { CartPlace } from './cart-writes.js';
import { listingCartReadSchema } from '../../../data/cart-shapes.js';
import { shareKeys } from '../../../data/share-keys.js';

/*
 * A consumer's carts "As Portal Group": `/listingcarts` answers the current circle owner's carts
 * (or the consumer's own when they work on their own). The cache is keyed by the circle, so
 * switching never shows one circle's carts as another's.
 */

const cartPath = (cartId: string) => `/listingcarts/${encodeURIComponent(cartId)}`;

async function fetchPortalGroupCarts(account: Account, signal?: AbortSignal) {
  const { results } = await sparkRead(account, listingCartReadSchema, {
    path: '/listingcarts',
    query: { _expand: 'ListingIds', _limit: 25 },
    signal,
  });
  return { carts: results };
}

export const portalGroupCartsQueryOptions = (account: Account, circleId: string | null) =>
  queryOptions({
    queryKey: shareKeys.consumerCarts(account, circleId),
    queryFn: ({ signal }) => fetchPortalGroupCarts(account, signal),
  });

export function usePortalGroupCarts(circleId: string | null) {
  return useQuery(portalGroupCartsQueryOptions(useAccount(), circleId));
}

export function usePortalGroupCartListings(circleId: string | null, cartId: string) {
  const account = useAccount();
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: shareKeys.consumerCartListings(account, circleId, cartId),
      queryFn: ({ pageParam, signal }) =>
        fetchCartListings(account, cartPath(cartId), pageParam, signal),
      initialPageParam: 1,
      getNextPageParam: (last: ListingsPage) =>
        last.page < last.pages ? last.page + 1 : undefined,
    }),
  );
}

export function portalGroupPlace(account: Account, circleId: string | null): CartPlace {
  return {
    path: cartPath,
    cartsKey: shareKeys.consumerCarts(account, circleId),
    listingsKey: (cartId) => shareKeys.consumerCartListings(account, circleId, cartId),
    placeKey: shareKeys.consumerCarts(account, circleId),
  };
}
