import { accountScope } from '../account/account.js';
import type { Account } from '../account/account.js';

/**
 * Query keys for what circles share, general → specific. A circle's shares are its owner's
 * (`ownerId`, the owner's contact Id), read through the contact form for an agent.
 */
export const shareKeys = {
  all: (account: Account) => ['shares', accountScope(account)] as const,
  circles: (account: Account) => [...shareKeys.all(account), 'circle'] as const,
  /** Everything read of one circle: its carts, searches, a cart's listings, a search's count. */
  circle: (account: Account, ownerId: string) => [...shareKeys.circles(account), ownerId] as const,
  /** The circle's carts and saved searches (the section, and the triage's summary). */
  summary: (account: Account, ownerId: string) =>
    [...shareKeys.circle(account, ownerId), 'summary'] as const,
  cartListings: (account: Account, ownerId: string, cartId: string) =>
    [...shareKeys.circle(account, ownerId), 'cart', cartId] as const,
  searchCount: (account: Account, ownerId: string, searchId: string) =>
    [...shareKeys.circle(account, ownerId), 'search', searchId] as const,
  /** Listings found by MLS number or address. */
  listingSearch: (account: Account, text: string) =>
    [...shareKeys.all(account), 'listings', text] as const,
  /** A consumer's own view ("As Portal Group"): the current circle and its carts. */
  consumer: (account: Account) => [...shareKeys.all(account), 'as-portal-group'] as const,
  currentCircle: (account: Account) => [...shareKeys.consumer(account), 'current'] as const,
  consumerCarts: (account: Account, circleId: string | null) =>
    [...shareKeys.consumer(account), 'carts', circleId ?? 'own'] as const,
  consumerCartListings: (account: Account, circleId: string | null, cartId: string) =>
    [...shareKeys.consumerCarts(account, circleId), cartId] as const,
};
