import type { Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { Db } from './db.js';

/** Filters make many shapes of SQL: the least recently used statements go first. */
const MAX_STATEMENTS = 500;
const cache = new WeakMap<Db, LRUCache<string, Statement<unknown[], unknown>>>();

/**
 * A prepared statement, prepared once per database connection. `Row` names the shape the SQL
 * selects (column names and SQLite types), e.g. `statement<{ n: number }>(db, 'SELECT COUNT(*) AS n ...')`.
 */
export function statement<Row = unknown>(db: Db, sql: string): Statement<unknown[], Row> {
  let byText = cache.get(db);
  if (!byText) {
    byText = new LRUCache({ max: MAX_STATEMENTS });
    cache.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  // Needed: one cache holds statements of every row shape; the SQL text (the key) fixes the
  // shape, which the caller names as `Row` (better-sqlite3 itself types rows this way).
  return prepared as Statement<unknown[], Row>;
}

/** The `n` of a `SELECT COUNT(*) AS n ...` statement. */
export function countOf(db: Db, sql: string, ...params: unknown[]): number {
  return statement<{ n: number }>(db, sql).get(...params)?.n ?? 0;
}
