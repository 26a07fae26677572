import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './db.js';
import { statement } from './statements.js';
import { tokenHash } from './token-hash.js';

export const newToken = () => randomBytes(32).toString('base64url');

/** `oauth_clients.redirect_uris`: a JSON array of URIs. */
const redirectUrisSchema = z.array(z.string());

export interface SignInAccount {
  id: string;
  name: string;
  role: string;
  /** A consumer whose portal account is disabled: listed, but may not sign in. */
  disabled: number;
}

export interface CodeRow {
  client_id: string;
  redirect_uri: string;
  account_id: string;
  expires_at: number;
  used: number;
}

/** The app's own client, registered (or updated) for the configured redirect URI. */
export function registerClient(
  db: Db,
  client: { id: string; secret: string; name: string; redirectUris: string[] },
): void {
  db.prepare(
    `INSERT INTO oauth_clients (client_id, client_secret, name, redirect_uris) VALUES (?, ?, ?, ?)
     ON CONFLICT(client_id) DO UPDATE SET
       client_secret = excluded.client_secret, redirect_uris = excluded.redirect_uris`,
  ).run(client.id, client.secret, client.name, JSON.stringify(client.redirectUris));
}

export function clientSecret(db: Db, clientId: string): string | undefined {
  const row = statement<{ client_secret: string }>(
    db,
    'SELECT client_secret FROM oauth_clients WHERE client_id = ?',
  ).get(clientId);
  return row?.client_secret;
}

export function isRegisteredRedirect(db: Db, clientId: string, redirectUri: string): boolean {
  const row = statement<{ redirect_uris: string }>(
    db,
    'SELECT redirect_uris FROM oauth_clients WHERE client_id = ?',
  ).get(clientId);
  return (
    row !== undefined &&
    redirectUrisSchema.parse(JSON.parse(row.redirect_uris)).includes(redirectUri)
  );
}

/** Everyone the authorize page offers: agents, then consumers, then the rest. */
export function signInAccounts(db: Db): SignInAccount[] {
  return statement<SignInAccount>(
    db,
    `SELECT a.id, a.name, a.role,
       a.portal_account_id IS NOT NULL AND COALESCE(pa.enabled, 0) = 0 AS disabled
     FROM accounts a LEFT JOIN portal_accounts pa ON pa.id = a.portal_account_id
     ORDER BY CASE a.role WHEN 'Private' THEN 0 WHEN 'VOW' THEN 1 WHEN 'Portal' THEN 2 ELSE 3 END,
       a.name, a.id`,
  ).all();
}

export function accountExists(db: Db, accountId: string): boolean {
  return statement(db, 'SELECT 1 FROM accounts WHERE id = ?').get(accountId) !== undefined;
}

export function insertCode(
  db: Db,
  code: {
    code: string;
    clientId: string;
    redirectUri: string;
    accountId: string;
    expiresAt: number;
  },
): void {
  statement(
    db,
    `INSERT INTO oauth_codes (code_hash, client_id, redirect_uri, account_id, expires_at, used)
     VALUES (?, ?, ?, ?, ?, 0)`,
  ).run(tokenHash(code.code), code.clientId, code.redirectUri, code.accountId, code.expiresAt);
}

export function findCode(db: Db, code: string): CodeRow | undefined {
  return statement<CodeRow>(
    db,
    `SELECT client_id, redirect_uri, account_id, expires_at, used FROM oauth_codes
     WHERE code_hash = ?`,
  ).get(tokenHash(code));
}

export function markCodeUsed(db: Db, code: string): void {
  statement(db, 'UPDATE oauth_codes SET used = 1 WHERE code_hash = ?').run(tokenHash(code));
}

export function issueTokens(db: Db, accountId: string, clientId: string, lifetimeSeconds: number) {
  const tokens = { access_token: newToken(), refresh_token: newToken() };
  statement(
    db,
    `INSERT INTO access_tokens
       (token_hash, account_id, client_id, refresh_token_hash, expires_at, revoked)
     VALUES (?, ?, ?, ?, ?, 0)`,
  ).run(
    tokenHash(tokens.access_token),
    accountId,
    clientId,
    tokenHash(tokens.refresh_token),
    Date.now() + lifetimeSeconds * 1000,
  );
  return { ...tokens, expires_in: lifetimeSeconds };
}

/** The live token a refresh token belongs to (for this client), by its hash. */
export function findByRefreshToken(
  db: Db,
  refreshToken: string,
  clientId: string,
): { token_hash: string; account_id: string } | undefined {
  return statement<{ token_hash: string; account_id: string }>(
    db,
    `SELECT token_hash, account_id FROM access_tokens
     WHERE refresh_token_hash = ? AND client_id = ? AND revoked = 0`,
  ).get(tokenHash(refreshToken), clientId);
}

/** The token (access or refresh) a client presents to end it: its pair's hash and its client. */
export function findIssuedToken(
  db: Db,
  token: string,
): { token_hash: string; client_id: string | null } | undefined {
  const hash = tokenHash(token);
  return statement<{ token_hash: string; client_id: string | null }>(
    db,
    `SELECT token_hash, client_id FROM access_tokens
     WHERE (token_hash = ? OR refresh_token_hash = ?) AND revoked = 0`,
  ).get(hash, hash);
}

/** Revokes the token with this hash, and with it its refresh token. */
export function revokeToken(db: Db, hash: string): void {
  statement(db, 'UPDATE access_tokens SET revoked = 1 WHERE token_hash = ?').run(hash);
}

/** Keeps a token the emulator issued itself (the demo tokens, never expiring unless given). */
export function storeAccessToken(
  db: Db,
  token: { token: string; accountId: string; expiresAt?: number | null },
): void {
  statement(
    db,
    'INSERT INTO access_tokens (token_hash, account_id, expires_at) VALUES (?, ?, ?)',
  ).run(tokenHash(token.token), token.accountId, token.expiresAt ?? null);
}
