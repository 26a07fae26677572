import { useRef } from 'react';
import { accountScope } from '../../account/account.js';
import { useAccount } from '../../account/use-account.js';
import { SparkApiError } from '../../api/spark-answer.js';
import { errorMessage } from '../../api/error-message.js';
import { notifyError, notifyWithUndo } from '../../ui/notify.js';
import { useCartListingWrite } from './api/cart-writes.js';
import type { CartChange, CartPlace } from './api/cart-writes.js';
import { listingLabel } from './listing-facts.js';

const UNDO_SECONDS = 10;

/** Spark's own words for a refused change (a full cart, a listing it does not know), else ours. */
export function refusalMessage(error: unknown): string {
  const refused =
    error instanceof SparkApiError &&
    (error.status === 400 || error.status === 409) &&
    !error.message.startsWith('HTTP ');
  return refused ? error.message : errorMessage(error);
}

/**
 * Adding and removing listings in a place's carts, with notifications; each change offers Undo
 * (the opposite write). A second click on a change already on its way sends nothing.
 */
export function useCartChanges(place: CartPlace) {
  const account = useAccount();
  const pending = useRef(new Set<string>());
  const keyOf = ({ cart, listing }: CartChange) => `${cart.Id}:${listing.Id}`;

  const run = (mutate: (change: CartChange) => Promise<unknown>, change: CartChange) => {
    const key = keyOf(change);
    if (pending.current.has(key)) return;
    pending.current.add(key);
    mutate(change)
      .catch(() => undefined)
      .finally(() => pending.current.delete(key));
  };

  const adding = useCartListingWrite(place, true, {
    onSuccess: (change) =>
      notifyWithUndo({
        id: `cart-${keyOf(change)}`,
        // Additions to one cart share a toast: "Added 12 Elm St and 4 Oak Ave to Favorites".
        group: `cart-add-${accountScope(account)}-${change.cart.Id}`,
        verb: 'Added',
        names: [listingLabel(change.listing)],
        after: `to ${change.cart.Name}`,
        onUndo: () => run(removing.mutateAsync, { ...change, undo: true }),
        seconds: UNDO_SECONDS,
        account,
      }),
    onError: (error, change) =>
      notifyError(`Could not add ${listingLabel(change.listing)} to ${change.cart.Name}`, error, {
        message: refusalMessage(error),
        account,
      }),
  });
  const removing = useCartListingWrite(place, false, {
    onSuccess: (change) =>
      notifyWithUndo({
        id: `cart-${keyOf(change)}`,
        group: `cart-remove-${accountScope(account)}-${change.cart.Id}`,
        verb: 'Removed',
        names: [listingLabel(change.listing)],
        after: `from ${change.cart.Name}`,
        onUndo: () => run(adding.mutateAsync, { ...change, undo: true }),
        seconds: UNDO_SECONDS,
        account,
      }),
    onError: (error, change) =>
      notifyError(
        `Could not remove ${listingLabel(change.listing)} from ${change.cart.Name}`,
        error,
        { message: refusalMessage(error), account },
      ),
  });

  return {
    add: (change: CartChange) => run(adding.mutateAsync, change),
    remove: (change: CartChange) => run(removing.mutateAsync, change),
  };
}
