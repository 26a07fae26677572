import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount, cachedReadMany } from './read-cache.js';
import { statement } from './statements.js';
import { fewCandidates } from './substring-candidates.js';

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
  // The owner's display_key, which the contacts' trigram index (contacts_search) holds.
  Name: { column: 'g.display_key', type: 'text', substringIndex: true },
  ContactId: { column: 'g.contact_id', type: 'id' },
};

/** The owner's Name as shown, folded (`Ana de la Cruz` under A), ties by Id: Spark's order. */
export const groupOrderBy = { Name: ['g.display_key', 'g.id'] };

/**
 * Where the scope's groups matching the filter are read, and its parameters. With few trigram
 * candidates (a "Name contains" search) an agent's groups are read from the candidate owners
 * (each group's display_key is its owner's), then sorted; otherwise from the agent's list index
 * in its order. Either way the filter's own condition decides.
 */
function groupSource(scope: GroupScope, filter: CompiledFilter, useIndex: boolean): CompiledFilter {
  if ('agentId' in scope && useIndex && filter.substringQuery) {
    return {
      sql: `FROM contacts_search s CROSS JOIN contacts c
        CROSS JOIN portal_groups g INDEXED BY portal_groups_agent_contact
        WHERE contacts_search MATCH ? AND c.rowid = s.rowid
          AND g.agent_id = ? AND g.contact_id = c.id AND ${filter.sql}`,
      params: [filter.substringQuery, scope.agentId, ...filter.params],
    };
  }
  const where =
    'agentId' in scope
      ? { sql: 'g.agent_id = ?', params: [scope.agentId] }
      : {
          sql: 'g.id IN (SELECT group_id FROM portal_group_members WHERE portal_account_id = ?)',
          params: [scope.memberPortalAccountId],
        };
  return {
    sql: `FROM portal_groups g WHERE ${where.sql} AND ${filter.sql}`,
    params: [...where.params, ...filter.params],
  };
}

/** The count's SQL and its parameters. */
export function groupCountSql(
  scope: GroupScope,
  filter: CompiledFilter,
  useIndex = true,
): CompiledFilter {
  const source = groupSource(scope, filter, useIndex);
  return { sql: `SELECT COUNT(*) AS n ${source.sql}`, params: source.params };
}

/** The page's SQL and its parameters (then limit and offset). */
export function groupListSql(
  scope: GroupScope,
  filter: CompiledFilter,
  orderSql: string,
  useIndex = true,
): CompiledFilter {
  const source = groupSource(scope, filter, useIndex);
  return {
    sql: `SELECT g.id, g.contact_id, g.favorites ${source.sql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
    params: source.params,
  };
}

export function countGroups(db: Db, scope: GroupScope, filter: CompiledFilter): number {
  const count = groupCountSql(scope, filter, fewCandidates(db, filter));
  return cachedCount(db, count.sql, count.params);
}

export function listGroups(
  db: Db,
  scope: GroupScope,
  page: { filter: CompiledFilter; orderSql: string; limit: number; offset: number },
): GroupRow[] {
  const list = groupListSql(scope, page.filter, page.orderSql, fewCandidates(db, page.filter));
  return statement<GroupRow>(db, list.sql).all(...list.params, page.limit, page.offset);
}

export function findGroup(db: Db, scope: GroupScope, id: string): GroupRow | undefined {
  const source = groupSource(scope, { sql: 'g.id = ?', params: [id] }, false);
  return statement<GroupRow>(db, `SELECT g.id, g.contact_id, g.favorites ${source.sql}`).get(
    ...source.params,
  );
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
  const rows = statement<GroupUserRow>(db, groupUsersSql(groupIds.length)).all(...groupIds);
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
