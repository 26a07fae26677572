import { PORTAL_CART_TYPES } from '../../../shared/listing-carts.js';
import { newSparkId } from '../ids.js';
import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount } from './read-cache.js';
import { countOf, statement } from './statements.js';
import { foldKey } from './text.js';
import { sparkTimestamp } from './timestamps.js';

export interface CartRow {
  id: string;
  owner_id: string;
  name: string;
  portal_cart_type: string | null;
  created_at: string;
  modified_at: string;
  listing_count: number;
}

export const cartFilterFields: FieldMap = {
  Id: { column: 'c.id', type: 'id' },
  Name: { column: 'c.name_key', type: 'text' },
  PortalCartType: { column: 'c.portal_cart_type', type: 'text' },
  ModificationTimestamp: { column: 'c.modified_at', type: 'datetime' },
};

/** The portal carts first, in Spark's order, then the others by name (our choice). */
const PORTAL_FIRST = `CASE c.portal_cart_type WHEN 'Favorites' THEN 0 WHEN 'Possibilities' THEN 1
  WHEN 'Rejects' THEN 2 ELSE 3 END`;

export const cartOrderBy = {
  PortalCartType: [PORTAL_FIRST, 'c.name_key', 'c.id'],
  Name: ['c.name_key', 'c.id'],
  CreatedTimestamp: ['c.created_at', 'c.id'],
  ModificationTimestamp: ['c.modified_at', 'c.id'],
};

const CART_COLUMNS = `c.id, c.owner_id, c.name, c.portal_cart_type, c.created_at, c.modified_at,
  (SELECT COUNT(*) FROM cart_listings n WHERE n.cart_id = c.id) AS listing_count`;

const isPortalType = (type: string | null) =>
  type !== null && (PORTAL_CART_TYPES as readonly string[]).includes(type);

export function listCarts(
  db: Db,
  ownerId: string,
  page: { filter: CompiledFilter; orderSql: string; limit: number; offset: number },
): CartRow[] {
  return statement<CartRow>(
    db,
    `SELECT ${CART_COLUMNS} FROM listing_carts c WHERE c.owner_id = ? AND ${page.filter.sql}
     ORDER BY ${page.orderSql} LIMIT ? OFFSET ?`,
  ).all(ownerId, ...page.filter.params, page.limit, page.offset);
}

export function countCarts(db: Db, ownerId: string, filter: CompiledFilter): number {
  return cachedCount(
    db,
    `SELECT COUNT(*) AS n FROM listing_carts c WHERE c.owner_id = ? AND ${filter.sql}`,
    [ownerId, ...filter.params],
  );
}

export function findCart(db: Db, ownerId: string, cartId: string): CartRow | undefined {
  return statement<CartRow>(
    db,
    `SELECT ${CART_COLUMNS} FROM listing_carts c WHERE c.id = ? AND c.owner_id = ?`,
  ).get(cartId, ownerId);
}

export function findPortalCart(db: Db, ownerId: string, type: string): CartRow | undefined {
  return statement<CartRow>(
    db,
    `SELECT ${CART_COLUMNS} FROM listing_carts c WHERE c.owner_id = ? AND c.portal_cart_type = ?`,
  ).get(ownerId, type);
}

/** The owner's carts that hold any of the listings. */
export function cartsHolding(db: Db, ownerId: string, listingIds: string[]): CartRow[] {
  return statement<CartRow>(
    db,
    `SELECT ${CART_COLUMNS} FROM listing_carts c
     WHERE c.owner_id = ? AND c.id IN (
       SELECT cart_id FROM cart_listings WHERE listing_id IN (SELECT value FROM json_each(?)))
     ORDER BY ${cartOrderBy.PortalCartType.join(', ')}`,
  ).all(ownerId, JSON.stringify(listingIds));
}

/** Each cart's listing Ids, in the order they were added. */
export function listingIdsOf(db: Db, cartIds: string[]): Map<string, string[]> {
  const rows = statement<{ cart_id: string; listing_id: string }>(
    db,
    `SELECT cart_id, listing_id FROM cart_listings
     WHERE cart_id IN (SELECT value FROM json_each(?)) ORDER BY cart_id, position, listing_id`,
  ).all(JSON.stringify(cartIds));
  const ids = new Map<string, string[]>(cartIds.map((id) => [id, []]));
  for (const row of rows) ids.get(row.cart_id)?.push(row.listing_id);
  return ids;
}

export function countOwnerCarts(db: Db, ownerId: string): number {
  return countOf(db, 'SELECT COUNT(*) AS n FROM listing_carts WHERE owner_id = ?', ownerId);
}

/** Another of the owner's carts already has this name (any case or accent). */
export function nameTaken(db: Db, ownerId: string, name: string, exceptCartId = ''): boolean {
  return (
    statement(
      db,
      'SELECT 1 FROM listing_carts WHERE owner_id = ? AND name_key = ? AND id != ?',
    ).get(ownerId, foldKey(name), exceptCartId) !== undefined
  );
}

export function insertCart(
  db: Db,
  cart: { ownerId: string; name: string; type: string | null },
  now = sparkTimestamp(),
): string {
  const id = newSparkId();
  statement(
    db,
    `INSERT INTO listing_carts (id, owner_id, name, name_key, portal_cart_type, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, cart.ownerId, cart.name, foldKey(cart.name), cart.type, now, now);
  return id;
}

const touch = (db: Db, cartIds: string[], now = sparkTimestamp()) =>
  statement(
    db,
    'UPDATE listing_carts SET modified_at = ? WHERE id IN (SELECT value FROM json_each(?))',
  ).run(now, JSON.stringify(cartIds));

/**
 * Adds listings a cart does not hold yet, after those it holds. A portal cart takes them out of
 * the owner's other portal carts first: a listing is in at most one of them (our choice).
 */
export function addListings(db: Db, cart: CartRow, listingIds: string[]): void {
  if (isPortalType(cart.portal_cart_type)) {
    const others = statement<{ id: string }>(
      db,
      `SELECT DISTINCT c.id FROM listing_carts c JOIN cart_listings cl ON cl.cart_id = c.id
       WHERE c.owner_id = ? AND c.id != ? AND c.portal_cart_type IN ('Favorites', 'Possibilities', 'Rejects')
         AND cl.listing_id IN (SELECT value FROM json_each(?))`,
    ).all(cart.owner_id, cart.id, JSON.stringify(listingIds));
    if (others.length) {
      statement(
        db,
        `DELETE FROM cart_listings WHERE cart_id IN (SELECT value FROM json_each(?))
         AND listing_id IN (SELECT value FROM json_each(?))`,
      ).run(JSON.stringify(others.map((o) => o.id)), JSON.stringify(listingIds));
      touch(
        db,
        others.map((o) => o.id),
      );
    }
  }
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO cart_listings (cart_id, listing_id, position)
     VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_listings WHERE cart_id = ?))`,
  );
  for (const id of listingIds) insert.run(cart.id, id, cart.id);
  touch(db, [cart.id]);
}

/** Replaces a cart's listings (the portal carts' exclusion as in `addListings`). */
export function replaceListings(db: Db, cart: CartRow, listingIds: string[]): void {
  statement(db, 'DELETE FROM cart_listings WHERE cart_id = ?').run(cart.id);
  addListings(db, cart, listingIds);
}

/** Removes listings from a cart; how many it held. */
export function removeListings(db: Db, cart: CartRow, listingIds: string[]): number {
  const removed = statement(
    db,
    'DELETE FROM cart_listings WHERE cart_id = ? AND listing_id IN (SELECT value FROM json_each(?))',
  ).run(cart.id, JSON.stringify(listingIds)).changes;
  if (removed) touch(db, [cart.id]);
  return removed;
}

export function renameCart(db: Db, cartId: string, name: string): void {
  statement(
    db,
    'UPDATE listing_carts SET name = ?, name_key = ?, modified_at = ? WHERE id = ?',
  ).run(name, foldKey(name), sparkTimestamp(), cartId);
}

export function deleteCart(db: Db, cartId: string): void {
  statement(db, 'DELETE FROM listing_carts WHERE id = ?').run(cartId);
}
