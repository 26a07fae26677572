import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Listing } from '../../../../shared/listings.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import type { ListingsPage } from './cart-listings.js';
import { listingCartReadSchema } from '../../../data/cart-shapes.js';
import type { ListingCart } from '../../../data/cart-shapes.js';

/**
 * Where a set of carts lives and is cached: a circle's, read by its agent through the owner's
 * contact, or the consumer's own "As Portal Group".
 */
export interface CartPlace {
  /** The cart's URI under /v1. */
  path: (cartId: string) => string;
  /** The cached answer holding the carts (`{ carts }`). */
  cartsKey: QueryKey;
  listingsKey: (cartId: string) => QueryKey;
  /** Every read of the place, refetched once its writes are done. */
  placeKey: QueryKey;
}

export interface CartChange {
  cart: ListingCart;
  listing: Listing;
}

/** POST adds, and answers the cart with its new count (Spark's recorded answers). */
function addListing(account: Account, place: CartPlace, { cart, listing }: CartChange) {
  return sparkRead(account, listingCartReadSchema, {
    method: 'POST',
    path: place.path(cart.Id),
    body: { ListingIds: [listing.Id] },
  });
}

function removeListing(account: Account, place: CartPlace, { cart, listing }: CartChange) {
  return sparkRead(account, listingCartReadSchema, {
    method: 'DELETE',
    path: `${place.path(cart.Id)}/listings/${encodeURIComponent(listing.Id)}`,
  });
}

type WithCarts = { carts: ListingCart[] };

function updateCart(
  queryClient: QueryClient,
  place: CartPlace,
  cartId: string,
  update: (cart: ListingCart) => ListingCart,
) {
  queryClient.setQueryData<WithCarts>(place.cartsKey, (data) =>
    data
      ? { ...data, carts: data.carts.map((cart) => (cart.Id === cartId ? update(cart) : cart)) }
      : data,
  );
}

function updateListings(
  queryClient: QueryClient,
  key: QueryKey,
  update: (listings: Listing[], first: boolean) => Listing[],
) {
  queryClient.setQueryData<InfiniteData<ListingsPage>>(key, (data) => {
    if (!data) return data;
    let change = 0;
    const pages = data.pages.map((page, index) => {
      const listings = update(page.listings, index === 0);
      change += listings.length - page.listings.length;
      return { ...page, listings };
    });
    return { ...data, pages: pages.map((page) => ({ ...page, total: page.total + change })) };
  });
}

/** The cart and its listings as they are with the listing in it (`inCart`) or not. */
export function showInCart(
  queryClient: QueryClient,
  place: CartPlace,
  { cart, listing }: CartChange,
  inCart: boolean,
) {
  const now = new Date().toISOString();
  updateListings(queryClient, place.listingsKey(cart.Id), (listings, first) => {
    const without = listings.filter((shown) => shown.Id !== listing.Id);
    return inCart && first ? [listing, ...without] : without;
  });
  updateCart(queryClient, place, cart.Id, (current) => ({
    ...current,
    ListingCount: Math.max(0, current.ListingCount + (inCart ? 1 : -1)),
    ListingIds: current.ListingIds && [
      ...current.ListingIds.filter((id) => id !== listing.Id),
      ...(inCart ? [listing.Id] : []),
    ],
    ModificationTimestamp: now,
  }));
}

/** The count Spark answered, once the write is done. */
function showAnswer(queryClient: QueryClient, place: CartPlace, answer: ListingCart | undefined) {
  if (!answer) return;
  updateCart(queryClient, place, answer.Id, (current) => ({
    ...current,
    ListingCount: answer.ListingCount,
    ModificationTimestamp: answer.ModificationTimestamp ?? current.ModificationTimestamp,
  }));
}

interface Callbacks {
  onSuccess?: (change: CartChange) => void;
  onError?: (error: Error, change: CartChange) => void;
}

/**
 * Adds a listing to a cart (`add`) or removes it: at once on screen, put back when Spark refuses
 * (the inverse change, so other changes made meanwhile stay), read again once no write of the
 * place is on its way.
 */
export function useCartListingWrite(place: CartPlace, add: boolean, callbacks: Callbacks = {}) {
  const account = useAccount();
  const queryClient = useQueryClient();
  const mutationKey = [...place.placeKey, 'write'];
  return useMutation({
    mutationKey,
    mutationFn: async (change: CartChange) => {
      const { results } = await (add ? addListing : removeListing)(account, place, change);
      return results[0];
    },
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: place.placeKey });
      showInCart(queryClient, place, change, add);
    },
    onError: (error, change) => {
      showInCart(queryClient, place, change, !add);
      callbacks.onError?.(error, change);
    },
    onSuccess: (answer, change) => {
      showAnswer(queryClient, place, answer);
      callbacks.onSuccess?.(change);
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      return queryClient.invalidateQueries({ queryKey: place.placeKey });
    },
  });
}

export interface CartMove {
  listing: Listing;
  from: ListingCart;
  to: ListingCart;
}

/**
 * Moves a listing from one cart to another: out of the first, then into the second, as Spark's
 * own clients do for the portal carts (a listing is in at most one of them). Shown at once, put
 * back where it was when Spark refuses either write.
 */
export function useMoveListing(
  place: CartPlace,
  callbacks: {
    onSuccess?: (move: CartMove) => void;
    onError?: (error: Error, move: CartMove) => void;
  } = {},
) {
  const account = useAccount();
  const queryClient = useQueryClient();
  const mutationKey = [...place.placeKey, 'write'];
  const show = ({ listing, from, to }: CartMove, moved: boolean) => {
    showInCart(queryClient, place, { cart: from, listing }, !moved);
    showInCart(queryClient, place, { cart: to, listing }, moved);
  };
  return useMutation({
    mutationKey,
    mutationFn: async (move: CartMove) => {
      const removed = await removeListing(account, place, {
        cart: move.from,
        listing: move.listing,
      });
      try {
        const added = await addListing(account, place, { cart: move.to, listing: move.listing });
        return [removed.results[0], added.results[0]];
      } catch (error) {
        // Not into the new cart: back into the old one, so the listing is not lost.
        await addListing(account, place, { cart: move.from, listing: move.listing }).catch(
          () => undefined,
        );
        throw error;
      }
    },
    onMutate: async (move) => {
      await queryClient.cancelQueries({ queryKey: place.placeKey });
      show(move, true);
    },
    onError: (error, move) => {
      show(move, false);
      callbacks.onError?.(error, move);
    },
    onSuccess: (answers, move) => {
      answers.forEach((answer) => showAnswer(queryClient, place, answer));
      callbacks.onSuccess?.(move);
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      return queryClient.invalidateQueries({ queryKey: place.placeKey });
    },
  });
}
