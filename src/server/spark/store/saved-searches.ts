import { newSparkId } from '../ids.js';
import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount } from './read-cache.js';
import { countOf, statement } from './statements.js';
import { foldKey } from './text.js';
import { sparkTimestamp } from './timestamps.js';

export interface SavedSearchRow {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  filter: string | null;
  tags: string;
  provided: number;
  modified_at: string;
  /** The contact whose portal account owns it; null for an agent's own. */
  contact_id: string | null;
}

export const searchFilterFields: FieldMap = {
  Id: { column: 's.id', type: 'id' },
  Name: { column: 's.name_key', type: 'text' },
  ModificationTimestamp: { column: 's.modified_at', type: 'datetime' },
};

export const searchOrderBy = {
  Name: ['s.name_key', 's.id'],
  ModificationTimestamp: ['s.modified_at', 's.id'],
};

const COLUMNS = `s.id, s.owner_id, s.name, s.description, s.filter, s.tags, s.provided,
  s.modified_at, pa.contact_id`;
const FROM = 'FROM saved_searches s LEFT JOIN portal_accounts pa ON pa.id = s.owner_id';

export function listSearches(
  db: Db,
  ownerId: string,
  page: { filter: CompiledFilter; orderSql: string; limit: number; offset: number },
): SavedSearchRow[] {
  return statement<SavedSearchRow>(
    db,
    `SELECT ${COLUMNS} ${FROM} WHERE s.owner_id = ? AND ${page.filter.sql}
     ORDER BY ${page.orderSql} LIMIT ? OFFSET ?`,
  ).all(ownerId, ...page.filter.params, page.limit, page.offset);
}

export function countSearches(db: Db, ownerId: string, filter: CompiledFilter): number {
  return cachedCount(
    db,
    `SELECT COUNT(*) AS n FROM saved_searches s WHERE s.owner_id = ? AND ${filter.sql}`,
    [ownerId, ...filter.params],
  );
}

export function countOwnerSearches(db: Db, ownerId: string): number {
  return countOf(db, 'SELECT COUNT(*) AS n FROM saved_searches WHERE owner_id = ?', ownerId);
}

/** One search of this owner; with no owner given, whoever's it is. */
export function findSearch(db: Db, id: string, ownerId?: string): SavedSearchRow | undefined {
  const row = statement<SavedSearchRow>(db, `SELECT ${COLUMNS} ${FROM} WHERE s.id = ?`).get(id);
  return row && (ownerId === undefined || row.owner_id === ownerId) ? row : undefined;
}

export function searchNameTaken(db: Db, ownerId: string, name: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM saved_searches WHERE owner_id = ? AND name_key = ?').get(
      ownerId,
      foldKey(name),
    ) !== undefined
  );
}

export interface NewSearch {
  ownerId: string;
  name: string;
  description: string;
  filter: string | null;
  provided: boolean;
}

export function insertSearch(db: Db, search: NewSearch): string {
  const id = newSparkId();
  const now = sparkTimestamp();
  statement(
    db,
    `INSERT INTO saved_searches (id, owner_id, name, name_key, description, filter, provided,
       created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    search.ownerId,
    search.name,
    foldKey(search.name),
    search.description,
    search.filter,
    search.provided ? 1 : 0,
    now,
    now,
  );
  return id;
}

export function updateSearch(
  db: Db,
  id: string,
  change: { name?: string; description?: string; filter?: string | null },
): void {
  const row = statement<{ name: string; description: string; filter: string | null }>(
    db,
    'SELECT name, description, filter FROM saved_searches WHERE id = ?',
  ).get(id);
  if (!row) return;
  const name = change.name ?? row.name;
  statement(
    db,
    `UPDATE saved_searches SET name = ?, name_key = ?, description = ?, filter = ?, modified_at = ?
     WHERE id = ?`,
  ).run(
    name,
    foldKey(name),
    change.description ?? row.description,
    change.filter === undefined ? row.filter : change.filter,
    sparkTimestamp(),
    id,
  );
}

export function deleteSearch(db: Db, id: string): void {
  statement(db, 'DELETE FROM saved_searches WHERE id = ?').run(id);
}
