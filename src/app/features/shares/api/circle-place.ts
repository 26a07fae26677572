import type { Account } from '../../../account/account.js';
import { circleCartPath } from './cart-listings.js';
import type { CartPlace } from './cart-writes.js';
import { shareKeys } from '../../../data/share-keys.js';

/** A circle's carts as its agent reaches them: through the owner's contact (named `ownerName`). */
export function circlePlace(account: Account, ownerId: string, ownerName?: string): CartPlace {
  return {
    path: (cartId) => circleCartPath(ownerId, cartId),
    ...(ownerName ? { auditNames: { [ownerId]: ownerName } } : {}),
    cartsKey: shareKeys.summary(account, ownerId),
    listingsKey: (cartId) => shareKeys.cartListings(account, ownerId, cartId),
    placeKey: shareKeys.circle(account, ownerId),
  };
}
