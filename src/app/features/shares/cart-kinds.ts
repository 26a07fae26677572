import type { ListingCart } from '../../data/cart-shapes.js';

/** The portal carts Spark makes for every portal account, in the order clients show them. */
export const PORTAL_CARTS = ['Favorites', 'Possibilities', 'Rejects'] as const;
export type PortalCartKind = (typeof PORTAL_CARTS)[number];
export type CartKind = PortalCartKind | 'Named';

export function cartKind(cart: ListingCart): CartKind {
  const type = cart.PortalCartType;
  return PORTAL_CARTS.find((kind) => kind === type) ?? 'Named';
}

export const CART_KIND_LABELS: Record<CartKind, string> = {
  Favorites: 'Favorites',
  Possibilities: 'Possibilities',
  Rejects: 'Rejects',
  Named: 'Named cart',
};

/** Favorites, Possibilities, Rejects, then the named carts by name. */
export function sortCarts(carts: ListingCart[]): ListingCart[] {
  const rank = (cart: ListingCart) => {
    const kind = cartKind(cart);
    return kind === 'Named' ? PORTAL_CARTS.length : PORTAL_CARTS.indexOf(kind);
  };
  return [...carts].sort(
    (a, b) => rank(a) - rank(b) || a.Name.localeCompare(b.Name, 'en', { sensitivity: 'base' }),
  );
}
