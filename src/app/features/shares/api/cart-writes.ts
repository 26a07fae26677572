import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { AuditContext } from '../../../../shared/audit.js';
import { sparkIdSchema } from '../../../../shared/envelope.js';
import type { Listing } from '../../../../shared/listings.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import type { ListingsPage } from './cart-listings.js';
import { listingCartReadSchema } from '../../../data/cart-shapes.js';
import type { ListingCart } from '../../../data/cart-shapes.js';
import { listingLabel } from '../listing-facts.js';

/**
 * Where a set of carts lives and is cached: a circle's, read by its agent through the owner's
 * contact, or the consumer's own "As Portal Group".
 */
export interface CartPlace {
  /** The cart's URI under /v1. */
  path: (cartId: string) => string;
  /** Names the audit trail may show for Ids in the path (the circle owner's contact). */
  auditNames?: Record<string, string>;
  /** The cached answer holding the carts (`{ carts }`). */
  cartsKey: QueryKey;
  listingsKey: (cartId: string) => QueryKey;
  /** Every read of the place, refetched once its writes are done. */
  placeKey: QueryKey;
}

export interface CartChange {
  cart: ListingCart;
  listing: Listing;
  /** It takes back an earlier change (Undo), as the audit trail says. */
  undo?: boolean;
  /** An add that completes a move out of this cart, as the audit trail says. */
  from?: ListingCart;
}

/** The cart's and the listing's names as shown, for the audit trail (Ids Spark's shape only). */
function auditOf(place: CartPlace, { cart, listing, undo, from }: CartChange): AuditContext {
  const names = {
    ...place.auditNames,
    ...(from ? { [from.Id]: from.Name } : {}),
    [cart.Id]: cart.Name,
    [listing.Id]: listingLabel(listing),
  };
  const Names = Object.fromEntries(
    Object.entries(names).filter(([id, name]) => sparkIdSchema.safeParse(id).success && name),
  );
  return {
    Names,
    ...(undo ? { Undo: true } : {}),
    ...(from && sparkIdSchema.safeParse(from.Id).success ? { MovedFrom: from.Id } : {}),
  };
}

/** POST adds, and answers the cart with its new count (Spark's recorded answers). */
function addListing(account: Account, place: CartPlace, change: CartChange) {
  return sparkRead(account, listingCartReadSchema, {
    method: 'POST',
    path: place.path(change.cart.Id),
    body: { ListingIds: [change.listing.Id] },
    audit: auditOf(place, change),
  });
}

function removeListing(account: Account, place: CartPlace, change: CartChange) {
  return sparkRead(account, listingCartReadSchema, {
    method: 'DELETE',
    path: `${place.path(change.cart.Id)}/listings/${encodeURIComponent(change.listing.Id)}`,
    audit: auditOf(place, change),
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
  /** It takes back an earlier move (Undo). */
  undo?: boolean;
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
      const { listing, undo } = move;
      const removed = await removeListing(account, place, { cart: move.from, listing, undo });
      try {
        const added = await addListing(account, place, {
          cart: move.to,
          listing,
          undo,
          from: move.from,
        });
        return [removed.results[0], added.results[0]];
      } catch (error) {
        // Not into the new cart: back into the old one, so the listing is not lost.
        await addListing(account, place, { cart: move.from, listing, undo: true }).catch(
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
