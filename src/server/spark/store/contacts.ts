import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount } from './read-cache.js';
import { CANDIDATE_ROWIDS, fewCandidates } from './substring-candidates.js';
import { statement } from './statements.js';
import { foldKey } from './text.js';
import { sparkTimestamp } from './timestamps.js';
import { newSparkId } from '../ids.js';

export interface ContactRow {
  id: string;
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  primary_email: string | null;
  mobile_phone: string | null;
  home_phone: string | null;
  work_phone: string | null;
  tags: string;
  modified_at: string;
  vow_enabled: number;
}

export interface PortalAccountRow {
  id: string;
  contact_id: string;
  enabled: number;
  last_login: string | null;
  last_active: string | null;
}

export const contactFilterFields: FieldMap = {
  DisplayName: { column: 'c.display_key', type: 'text', substringIndex: true },
  GivenName: { column: 'c.given_key', type: 'text' },
  FamilyName: { column: 'c.family_key', type: 'text' },
  PrimaryEmail: { column: 'c.email_key', type: 'text', substringIndex: true },
  VowEnabled: { column: 'COALESCE(pa.enabled, 0)', type: 'boolean' },
  ModificationTimestamp: { column: 'c.modified_at', type: 'datetime' },
  Id: { column: 'c.id', type: 'id' },
};

export const contactOrderBy = {
  DisplayName: ['c.display_key', 'c.id'],
  GivenName: ['c.given_key', 'c.id'],
  FamilyName: ['c.family_key', 'c.id'],
  ModificationTimestamp: ['c.modified_at', 'c.id'],
};

const CONTACT_COLUMNS = `c.id, c.display_name, c.given_name, c.family_name, c.primary_email,
  c.mobile_phone, c.home_phone, c.work_phone, c.tags, c.modified_at, COALESCE(pa.enabled, 0) AS vow_enabled`;
const FROM_CONTACTS = 'FROM contacts c LEFT JOIN portal_accounts pa ON pa.contact_id = c.id';

/**
 * The rows of one agent matching the filter. With a substring query, the trigram index
 * (contacts_search) gives the candidates and the agent's index is left out (`+`), or SQLite
 * would walk all of the agent's contacts testing each against the candidate list.
 */
function contactWhere(filter: CompiledFilter, useIndex = true): CompiledFilter {
  if (!filter.substringQuery || !useIndex) {
    return { sql: `c.agent_id = ? AND ${filter.sql}`, params: filter.params };
  }
  return {
    sql: `+c.agent_id = ? AND c.rowid IN (${CANDIDATE_ROWIDS}) AND ${filter.sql}`,
    params: [filter.substringQuery, ...filter.params],
  };
}

/** The count's SQL and its parameters after the agent's Id. */
export function contactCountSql(filter: CompiledFilter): CompiledFilter {
  const where = contactWhere(filter);
  // The portal join cannot change the count (one account per contact) unless the filter reads it.
  const from = filter.sql.includes('pa.') ? FROM_CONTACTS : 'FROM contacts c';
  return { sql: `SELECT COUNT(*) AS n ${from} WHERE ${where.sql}`, params: where.params };
}

/** The page's SQL and its parameters after the agent's Id (then limit and offset). */
export function contactListSql(
  filter: CompiledFilter,
  orderSql: string,
  useIndex = true,
): CompiledFilter {
  const where = contactWhere(filter, useIndex);
  return {
    sql: `SELECT ${CONTACT_COLUMNS} ${FROM_CONTACTS} WHERE ${where.sql}
     ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
    params: where.params,
  };
}

export function countContacts(db: Db, agentId: string, filter: CompiledFilter): number {
  const count = contactCountSql(filter);
  return cachedCount(db, count.sql, [agentId, ...count.params]);
}

export function listContacts(
  db: Db,
  agentId: string,
  page: { filter: CompiledFilter; orderSql: string; limit: number; offset: number },
): ContactRow[] {
  const list = contactListSql(page.filter, page.orderSql, fewCandidates(db, page.filter));
  return statement<ContactRow>(db, list.sql).all(agentId, ...list.params, page.limit, page.offset);
}

export function findContact(db: Db, agentId: string, id: string): ContactRow | undefined {
  return statement<ContactRow>(
    db,
    `SELECT ${CONTACT_COLUMNS} ${FROM_CONTACTS} WHERE c.id = ? AND c.agent_id = ?`,
  ).get(id, agentId);
}

export function emailTaken(db: Db, agentId: string, email: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM contacts WHERE agent_id = ? AND email_key = ?').get(
      agentId,
      foldKey(email),
    ) !== undefined
  );
}

export interface NewContact {
  givenName?: string;
  familyName?: string;
  /** Given and family name when left out. */
  displayName?: string;
  primaryEmail?: string;
}

export function insertContact(db: Db, agentId: string, contact: NewContact): string {
  const id = newSparkId();
  const displayName =
    contact.displayName ?? [contact.givenName, contact.familyName].filter(Boolean).join(' ');
  statement(
    db,
    `INSERT INTO contacts (id, agent_id, display_name, given_name, family_name, primary_email,
       tags, modified_at, display_key, given_key, family_key, email_key)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  ).run(
    id,
    agentId,
    displayName,
    contact.givenName ?? null,
    contact.familyName ?? null,
    contact.primaryEmail ?? null,
    sparkTimestamp(),
    foldKey(displayName),
    contact.givenName === undefined ? null : foldKey(contact.givenName),
    contact.familyName === undefined ? null : foldKey(contact.familyName),
    contact.primaryEmail ? foldKey(contact.primaryEmail) : null,
  );
  return id;
}

export function touchContact(db: Db, contactId: string): void {
  statement(db, 'UPDATE contacts SET modified_at = ? WHERE id = ?').run(
    sparkTimestamp(),
    contactId,
  );
}

export function findPortalAccount(db: Db, contactId: string): PortalAccountRow | undefined {
  return statement<PortalAccountRow>(
    db,
    'SELECT id, contact_id, enabled, last_login, last_active FROM portal_accounts WHERE contact_id = ?',
  ).get(contactId);
}

export function insertPortalAccount(db: Db, contactId: string, enabled = true): string {
  const id = newSparkId();
  statement(db, 'INSERT INTO portal_accounts (id, contact_id, enabled) VALUES (?, ?, ?)').run(
    id,
    contactId,
    enabled ? 1 : 0,
  );
  touchContact(db, contactId);
  return id;
}

export function setPortalEnabled(db: Db, contactId: string, enabled: boolean): void {
  statement(db, 'UPDATE portal_accounts SET enabled = ? WHERE contact_id = ?').run(
    enabled ? 1 : 0,
    contactId,
  );
  touchContact(db, contactId);
}
