import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sessionUserSchema, type SessionUser } from '../../../shared/account.js';

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** An idle timeout is pushed back at most once a minute (one write, not one per request). */
export const TOUCH_AFTER_MS = 60 * 1000;

export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

export interface Session {
  id: string;
  tokens: Tokens;
  user: SessionUser;
  createdAt: number;
}

/** A sign-in between /auth/login and /auth/callback. */
export interface PendingSignIn {
  state: string;
  returnTo: string;
}

/** The session store could not be reached: the request cannot be served now (503). */
export class StoreUnavailable extends Error {}

/**
 * Where the sign-in server keeps sessions and sign-ins in progress: SQLite on one machine, Redis
 * for many instances. Values are sealed at rest; one that does not open counts as absent.
 */
export interface SessionStore {
  startSignIn(pending: PendingSignIn): Promise<string>;
  /** The sign-in with this id, removed (a sign-in is single use). */
  takeSignIn(id: string): Promise<PendingSignIn | null>;
  create(tokens: Tokens, user: SessionUser): Promise<string>;
  /** The live session, its idle timeout pushed back. */
  get(id: string): Promise<Session | null>;
  /** Replaces the tokens of a session that still exists. */
  setTokens(session: Session, tokens: Tokens): Promise<void>;
  delete(id: string): Promise<void>;
  /** Runs `task` while no other request (on any instance) holds the lock for this session. */
  withRefreshLock<T>(id: string, task: () => Promise<T>): Promise<T>;
  /** Throws when the store cannot serve requests (readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}

export const newRecordId = () => randomBytes(32).toString('base64url');

export const sealedSessionSchema = z.object({
  tokens: z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1).nullable() }),
  user: sessionUserSchema,
  createdAt: z.number(),
});
export type SealedSession = z.infer<typeof sealedSessionSchema>;

export const pendingSignInSchema = z.object({ state: z.string().min(1), returnTo: z.string() });

/** When an idle session ends: idle time from now, but never past its absolute end. */
export const idleDeadline = (createdAt: number, now: number) =>
  Math.min(now + SESSION_IDLE_MS, createdAt + SESSION_ABSOLUTE_MS);
