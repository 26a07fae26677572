import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount, cachedReadMany } from './read-cache.js';
import { statement } from './statements.js';

/** Which groups a caller sees: an agent's own, or those a consumer is a member of. */
export type GroupScope = { agentId: string } | { memberPortalAccountId: string };

export interface GroupRow {
  id: string;
  contact_id: string;
  favorites: number;
}

export interface GroupUserRow {
  group_id: string;
  contact_id: string;
  name: string;
  enabled: number;
  last_login: string | null;
}

export const groupFilterFields: FieldMap = {
  Name: { column: 'g.display_key', type: 'text' },
  ContactId: { column: 'g.contact_id', type: 'id' },
};

/** The owner's Name as shown, folded (`Ana de la Cruz` under A), ties by Id: Spark's order. */
export const groupOrderBy = { Name: ['g.display_key', 'g.id'] };

function scopeSql(scope: GroupScope): { sql: string; params: string[] } {
  return 'agentId' in scope
    ? { sql: 'g.agent_id = ?', params: [scope.agentId] }
    : {
        sql: 'g.id IN (SELECT group_id FROM portal_group_members WHERE portal_account_id = ?)',
        params: [scope.memberPortalAccountId],
      };
}

export function groupCountSql(scope: GroupScope, filterSql: string): string {
  return `SELECT COUNT(*) AS n FROM portal_groups g WHERE ${scopeSql(scope).sql} AND ${filterSql}`;
}

/** An agent's page reads only the index (agent_id, display_key, id, ...), in its order. */
export function groupListSql(scope: GroupScope, filterSql: string, orderSql: string): string {
  return `SELECT g.id, g.contact_id, g.favorites FROM portal_groups g
     WHERE ${scopeSql(scope).sql} AND ${filterSql}
     ORDER BY ${orderSql} LIMIT ? OFFSET ?`;
}

export function countGroups(db: Db, scope: GroupScope, filter: CompiledFilter): number {
  return cachedCount(db, groupCountSql(scope, filter.sql), [
    ...scopeSql(scope).params,
    ...filter.params,
  ]);
}

export function listGroups(
  db: Db,
  scope: GroupScope,
  page: { filter: CompiledFilter; orderSql: string; limit: number; offset: number },
): GroupRow[] {
  return statement(db, groupListSql(scope, page.filter.sql, page.orderSql)).all(
    ...scopeSql(scope).params,
    ...page.filter.params,
    page.limit,
    page.offset,
  ) as GroupRow[];
}

export function findGroup(db: Db, scope: GroupScope, id: string): GroupRow | undefined {
  const where = scopeSql(scope);
  return statement(
    db,
    `SELECT g.id, g.contact_id, g.favorites FROM portal_groups g WHERE g.id = ? AND ${where.sql}`,
  ).get(id, ...where.params) as GroupRow | undefined;
}

export function groupUsersSql(groupCount: number): string {
  return `SELECT m.group_id, c.id AS contact_id, c.display_name AS name, pa.enabled, pa.last_login
     FROM portal_group_members m
     JOIN portal_accounts pa ON pa.id = m.portal_account_id
     JOIN contacts c ON c.id = pa.contact_id
     WHERE m.group_id IN (${Array.from({ length: groupCount }, () => '?').join(', ')})
     ORDER BY m.group_id, pa.id = m.group_id DESC, c.display_key, c.id`;
}

function readGroupUsers(db: Db, groupIds: string[]): Map<string, GroupUserRow[]> {
  const byGroup = new Map<string, GroupUserRow[]>(groupIds.map((id) => [id, []]));
  const rows = statement(db, groupUsersSql(groupIds.length)).all(...groupIds) as GroupUserRow[];
  for (const row of rows) byGroup.get(row.group_id)?.push(row);
  return byGroup;
}

/** The members of several groups in one query: per group the owner first, then by name. */
export function loadGroupUsers(db: Db, groupIds: string[]): Map<string, GroupUserRow[]> {
  if (groupIds.length === 0) return new Map();
  return cachedReadMany(
    db,
    groupIds,
    (id) => `group-users\u0000${id}`,
    (ids) => readGroupUsers(db, ids),
  );
}

export function isMember(db: Db, groupId: string, portalAccountId: string): boolean {
  return (
    statement(
      db,
      'SELECT 1 FROM portal_group_members WHERE group_id = ? AND portal_account_id = ?',
    ).get(groupId, portalAccountId) !== undefined
  );
}
