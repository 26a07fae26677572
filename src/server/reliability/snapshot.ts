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

/**
 * What has been written to `db` so far: the rows its own connection changed (`total_changes()`,
 * triggers included, never less after a rollback) and what other connections committed
 * (`data_version`). While it stays the same, no row of any table can differ.
 */
function writesSoFar(db: Db): string {
  const changed = db.prepare('SELECT total_changes()').pluck().get();
  return `${String(changed)}:${String(db.pragma('data_version', { simple: true }))}`;
}

/** The last hashes and integrity check of each database, and the writes they saw. */
const lastSeen = new WeakMap<Db, { writes: string; hashes?: TableHashes; integrity?: string }>();

function remembered(db: Db) {
  const writes = writesSoFar(db);
  let seen = lastSeen.get(db);
  if (seen?.writes !== writes) {
    seen = { writes };
    lastSeen.set(db, seen);
  }
  return seen;
}

/**
 * A hash of every row of each data table, in a stable order. Suites take one before and after
 * each of hundreds of requests; one that wrote nothing gets the hashes computed last, since
 * rereading every table (~10 ms) was most of their time.
 */
export function tableHashes(db: Db): TableHashes {
  const seen = remembered(db);
  seen.hashes ??= Object.fromEntries(
    DATA_TABLES.map((table) => {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw(true).all();
      return [table, createHash('sha256').update(JSON.stringify(rows)).digest('hex')];
    }),
  );
  return seen.hashes;
}

/** SQLite's integrity check, run again only once something was written since the last one. */
export function integrityCheck(db: Db): string {
  const seen = remembered(db);
  seen.integrity ??= String(db.pragma('integrity_check', { simple: true }));
  return seen.integrity;
}
