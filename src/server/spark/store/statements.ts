import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, prepared once per database connection. */
export function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    // Filters make many shapes of SQL; keep the cache from growing without bound.
    if (byText.size >= 500) byText.clear();
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}
