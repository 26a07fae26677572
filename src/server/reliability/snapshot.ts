import { createHash } from 'node:crypto';
import type { Db } from '../spark/store/db.js';

/** The tables that hold what an agent would lose; a rejected request must leave them as they were. */
const DATA_TABLES = [
  'accounts',
  'contacts',
  'portal_accounts',
  'portal_groups',
  'portal_group_members',
  'current_groups',
  'access_tokens',
  'oauth_codes',
  'listings',
  'listing_carts',
  'cart_listings',
  'saved_searches',
] as const;

/** One hash per data table, by table name. */
export type TableHashes = Record<string, string>;

/** A hash of every row of each data table, in a stable order. */
export function tableHashes(db: Db): TableHashes {
  return Object.fromEntries(
    DATA_TABLES.map((table) => {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
      return [table, createHash('sha256').update(JSON.stringify(rows)).digest('hex')];
    }),
  );
}

export function integrityCheck(db: Db): string {
  return String(db.pragma('integrity_check', { simple: true }));
}
