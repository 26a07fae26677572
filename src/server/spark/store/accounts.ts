import type { Role } from '../../../shared/account.js';
import type { Db } from './db.js';
import { statement } from './statements.js';

export interface AccountRow {
  id: string;
  name: string;
  user_type: 'Member' | 'Contact';
  role: Role;
  agent_id: string | null;
  portal_account_id: string | null;
}

export interface TokenRow extends AccountRow {
  token: string;
  expires_at: number | null;
  revoked: number;
}

export function findAccessToken(db: Db, token: string): TokenRow | undefined {
  return statement(
    db,
    `SELECT t.token, t.expires_at, t.revoked, a.id, a.name, a.user_type, a.role, a.agent_id,
            a.portal_account_id
     FROM access_tokens t JOIN accounts a ON a.id = t.account_id
     WHERE t.token = ?`,
  ).get(token) as TokenRow | undefined;
}

export function countAccounts(db: Db): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
}
