import { randomBytes } from 'node:crypto';
import type { Db } from '../spark/store/db.js';
import { sessionUserSchema, type SessionUser } from '../../shared/account.js';

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 60 * 1000;

export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

export interface Session {
  id: string;
  tokens: Tokens | null;
  user: SessionUser | null;
  oauthState: string | null;
  returnTo: string | null;
}

interface SessionRow {
  id: string;
  access_token: string | null;
  refresh_token: string | null;
  user_json: string | null;
  oauth_state: string | null;
  return_to: string | null;
  created_at: number;
  expires_at: number;
}

const newSessionId = () => randomBytes(32).toString('base64url');

function parseUser(json: string | null): SessionUser | null {
  if (!json) return null;
  const parsed = sessionUserSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** Server-side sessions in `bff_sessions`: the browser only ever holds the opaque id. */
export class SessionStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      get: db.prepare('SELECT * FROM bff_sessions WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO bff_sessions
           (id, access_token, refresh_token, user_json, oauth_state, return_to, created_at, expires_at)
         VALUES (@id, @access_token, @refresh_token, @user_json, @oauth_state, @return_to, @created_at, @expires_at)`,
      ),
      delete: db.prepare('DELETE FROM bff_sessions WHERE id = ?'),
      deleteExpired: db.prepare('DELETE FROM bff_sessions WHERE expires_at <= ?'),
      touch: db.prepare('UPDATE bff_sessions SET expires_at = ? WHERE id = ?'),
      setTokens: db.prepare(
        'UPDATE bff_sessions SET access_token = ?, refresh_token = ? WHERE id = ?',
      ),
      dropTokens: db.prepare(
        'UPDATE bff_sessions SET access_token = NULL, refresh_token = NULL, user_json = NULL WHERE id = ?',
      ),
    };
  }

  /** A short-lived session that only carries the OAuth `state` until the callback. */
  startSignIn(oauthState: string, returnTo: string): string {
    const now = Date.now();
    this.statements.deleteExpired.run(now);
    const id = newSessionId();
    this.statements.insert.run({
      id,
      access_token: null,
      refresh_token: null,
      user_json: null,
      oauth_state: oauthState,
      return_to: returnTo,
      created_at: now,
      expires_at: now + SIGN_IN_WINDOW_MS,
    });
    return id;
  }

  /** A signed-in session under a fresh id (the sign-in session is rotated away). */
  createSignedIn(tokens: Tokens, user: SessionUser): string {
    const now = Date.now();
    const id = newSessionId();
    this.statements.insert.run({
      id,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      user_json: JSON.stringify(user),
      oauth_state: null,
      return_to: null,
      created_at: now,
      expires_at: now + SESSION_IDLE_MS,
    });
    return id;
  }

  /** The live session with this id, extending its idle timeout; expired ones are deleted. */
  get(id: string): Session | null {
    const row = this.statements.get.get(id) as SessionRow | undefined;
    if (!row) return null;
    const now = Date.now();
    if (row.expires_at <= now) {
      this.statements.delete.run(id);
      return null;
    }
    if (row.access_token) {
      const extended = Math.min(now + SESSION_IDLE_MS, row.created_at + SESSION_ABSOLUTE_MS);
      if (extended - row.expires_at > TOUCH_AFTER_MS) this.statements.touch.run(extended, id);
    }
    return {
      id: row.id,
      tokens: row.access_token
        ? { accessToken: row.access_token, refreshToken: row.refresh_token }
        : null,
      user: parseUser(row.user_json),
      oauthState: row.oauth_state,
      returnTo: row.return_to,
    };
  }

  setTokens(id: string, tokens: Tokens): void {
    this.statements.setTokens.run(tokens.accessToken, tokens.refreshToken, id);
  }

  dropTokens(id: string): void {
    this.statements.dropTokens.run(id);
  }

  delete(id: string): void {
    this.statements.delete.run(id);
  }
}
