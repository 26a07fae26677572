import type { ListingRow } from '../demo-mls.js';
import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount } from './read-cache.js';
import { countOf, statement } from './statements.js';

/** The searchable listing fields of spec §8 (plus the address, our choice), as SQL columns. */
export const listingFields: FieldMap = {
  ListingId: { column: 'l.mls_number', type: 'text' },
  ListPrice: { column: 'l.list_price', type: 'number' },
  BedsTotal: { column: 'l.beds', type: 'number' },
  BathsTotal: { column: 'l.baths', type: 'number' },
  BuildingAreaTotal: { column: 'l.area', type: 'number' },
  City: { column: 'l.city', type: 'text' },
  PostalCode: { column: 'l.postal_code', type: 'text' },
  PropertyType: { column: 'l.property_type', type: 'text' },
  MlsStatus: { column: 'l.mls_status', type: 'text' },
  ModificationTimestamp: { column: 'l.modified_at', type: 'datetime' },
  UnparsedAddress: { column: 'l.address_key', type: 'text', substringIndex: true },
};

export const listingOrderBy = {
  ListPrice: ['l.list_price', 'l.id'],
  ModificationTimestamp: ['l.modified_at', 'l.id'],
  ListingId: ['l.mls_number', 'l.id'],
};
export const LISTING_DEFAULT_ORDER = '-ModificationTimestamp';

const COLUMNS = `l.id, l.serial, l.mls_number, l.list_price, l.street_number, l.street_name, l.unit,
  l.city, l.state, l.postal_code, l.county, l.address_key, l.beds, l.baths_full, l.baths_half,
  l.baths, l.area, l.year_built, l.property_type, l.mls_status, l.office, l.photo_count,
  l.modified_at`;

/** The listings whose folded address may contain the filter's terms. */
const ADDRESS_CANDIDATES = 'SELECT rowid FROM listings_address WHERE listings_address MATCH ?';

/**
 * Where the listings matching `filter` (and `within`, e.g. a cart's) are read. An "address
 * contains" search reads its candidates from the trigram index; the filter still decides.
 */
function listingWhere(filter: CompiledFilter, within?: CompiledFilter): CompiledFilter {
  const parts = [filter, ...(within ? [within] : [])];
  if (filter.substringQuery) {
    parts.unshift({ sql: `l.rowid IN (${ADDRESS_CANDIDATES})`, params: [filter.substringQuery] });
  }
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
  };
}

export function listingCountSql(filter: CompiledFilter, within?: CompiledFilter): CompiledFilter {
  const where = listingWhere(filter, within);
  return { sql: `SELECT COUNT(*) AS n FROM listings l WHERE ${where.sql}`, params: where.params };
}

/** The index that reads listings in each `_orderby` order. */
const ORDER_INDEXES: [column: string, index: string][] = [
  ['l.list_price', 'listings_price'],
  ['l.modified_at', 'listings_modified'],
  ['l.mls_number', 'listings_mls'],
];

/**
 * The page's SQL and its parameters (then limit and offset). `inOrder`: walk the order's index,
 * testing each listing against the filter, rather than find all matches and sort them.
 */
export function listingListSql(
  filter: CompiledFilter,
  orderSql: string,
  within?: CompiledFilter,
  inOrder = false,
): CompiledFilter {
  const where = listingWhere(filter, within);
  const index = inOrder && ORDER_INDEXES.find(([column]) => orderSql.startsWith(column))?.[1];
  return {
    sql: `SELECT ${COLUMNS} FROM listings l ${index ? `INDEXED BY ${index}` : ''}
      WHERE ${where.sql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
    params: where.params,
  };
}

export function countListings(db: Db, filter: CompiledFilter, within?: CompiledFilter): number {
  const count = listingCountSql(filter, within);
  return cachedCount(db, count.sql, count.params);
}

/**
 * Walking the order's index until a page is full visits about (offset + limit) / share of
 * listings; finding the matches and sorting them visits every match. The cheaper one wins.
 */
function walkInOrder(db: Db, filter: CompiledFilter, rowsNeeded: number): boolean {
  if (filter.substringQuery) return false;
  const total = cachedCount(db, 'SELECT COUNT(*) AS n FROM listings', []);
  const matches = countListings(db, filter);
  return matches * matches > rowsNeeded * total;
}

export function listListings(
  db: Db,
  page: { filter: CompiledFilter; orderSql: string; limit: number; offset: number },
  within?: CompiledFilter,
): ListingRow[] {
  const inOrder = !within && walkInOrder(db, page.filter, page.offset + page.limit);
  const list = listingListSql(page.filter, page.orderSql, within, inOrder);
  return statement<ListingRow>(db, list.sql).all(...list.params, page.limit, page.offset);
}

export function findListing(db: Db, id: string): ListingRow | undefined {
  return statement<ListingRow>(db, `SELECT ${COLUMNS} FROM listings l WHERE l.id = ?`).get(id);
}

export function findListingBySerial(db: Db, serial: number): ListingRow | undefined {
  return statement<ListingRow>(db, `SELECT ${COLUMNS} FROM listings l WHERE l.serial = ?`).get(
    serial,
  );
}

/** Which of `ids` are listings (in no particular order). */
export function existingListingIds(db: Db, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const found = statement<{ id: string }>(
    db,
    `SELECT value AS id FROM json_each(?) WHERE value IN (SELECT id FROM listings)`,
  ).all(JSON.stringify(ids));
  return new Set(found.map((row) => row.id));
}

export function countAllListings(db: Db): number {
  return countOf(db, 'SELECT COUNT(*) AS n FROM listings');
}

export function nextListingSerial(db: Db): number {
  return countOf(db, 'SELECT COALESCE(MAX(serial) + 1, 0) AS n FROM listings');
}

/** The planner's statistics of the listings (which only seeding changes), after seeding them. */
export function analyzeListings(db: Db): void {
  db.exec('ANALYZE listings');
}

/** Inserts listings (inside the caller's transaction). */
export function insertListings(db: Db, rows: Iterable<ListingRow>): number {
  const insert = db.prepare(
    `INSERT INTO listings (id, serial, mls_number, list_price, street_number, street_name, unit,
       city, state, postal_code, county, address_key, beds, baths_full, baths_half, baths, area,
       year_built, property_type, mls_status, office, photo_count, modified_at)
     VALUES (@id, @serial, @mls_number, @list_price, @street_number, @street_name, @unit, @city,
       @state, @postal_code, @county, @address_key, @beds, @baths_full, @baths_half, @baths, @area,
       @year_built, @property_type, @mls_status, @office, @photo_count, @modified_at)`,
  );
  let n = 0;
  for (const row of rows) {
    insert.run(row);
    n++;
  }
  return n;
}
