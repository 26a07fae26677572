import type { Role } from '../../../shared/account.js';
import type { Db } from './db.js';
import { countOf, statement } from './statements.js';
import { tokenHash } from './token-hash.js';

export interface AccountRow {
  id: string;
  name: string;
  user_type: 'Member' | 'Contact';
  role: Role;
  agent_id: string | null;
  portal_account_id: string | null;
}

export interface TokenRow extends AccountRow {
  expires_at: number | null;
  revoked: number;
  /** A consumer's portal account: 1 enabled, 0 disabled, null gone; null for others too. */
  portal_enabled: number | null;
}

export function findAccessToken(db: Db, token: string): TokenRow | undefined {
  return statement<TokenRow>(
    db,
    `SELECT t.expires_at, t.revoked, a.id, a.name, a.user_type, a.role, a.agent_id,
            a.portal_account_id, pa.enabled AS portal_enabled
     FROM access_tokens t JOIN accounts a ON a.id = t.account_id
     LEFT JOIN portal_accounts pa ON pa.id = a.portal_account_id
     WHERE t.token_hash = ?`,
  ).get(tokenHash(token));
}

export function countAccounts(db: Db): number {
  return countOf(db, 'SELECT COUNT(*) AS n FROM accounts');
}

/** A consumer whose portal account is disabled (or gone) may not sign in or call the API. */
export function isPortalDisabled(db: Db, accountId: string): boolean {
  const row = statement<{ portal_account_id: string | null; enabled: number | null }>(
    db,
    `SELECT a.portal_account_id, pa.enabled FROM accounts a
     LEFT JOIN portal_accounts pa ON pa.id = a.portal_account_id WHERE a.id = ?`,
  ).get(accountId);
  return row !== undefined && row.portal_account_id !== null && row.enabled !== 1;
}
