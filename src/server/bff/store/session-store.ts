import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sessionUserSchema, type SessionUser } from '../../../shared/account.js';
import { sessionAgentSchema, type SessionAgent } from '../../../shared/agents.js';
import type { Sealer } from './sealing.js';

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** An idle timeout is pushed back at most once a minute (one write, not one per request). */
export const TOUCH_AFTER_MS = 60 * 1000;

export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

/** Another agent's authorization held by a session: its identity and its own tokens. */
export interface AgentAuthorization {
  user: SessionAgent;
  tokens: Tokens;
  /** When it was first added (ms): the order the session lists its agents in. */
  addedAt: number;
}

export interface Session {
  id: string;
  tokens: Tokens;
  user: SessionUser;
  createdAt: number;
  /** In the order added; never the session's own user. */
  agents: AgentAuthorization[];
}

/** A sign-in between /auth/login (or /auth/agents/add) and /auth/callback. */
export interface PendingSignIn {
  state: string;
  returnTo: string;
  /** Set when this sign-in adds an agent to the session with this id, instead of signing in. */
  addAgentTo?: string;
}

/** `added` (or its tokens replaced), or why not: the limit is reached, the session has ended. */
export type AddAgentOutcome = 'added' | 'limit' | 'session';

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
  /** Deletes the session with all its agents. */
  delete(id: string): Promise<void>;
  /**
   * Adds an agent to a live session, or replaces the tokens of one it holds; refused when the
   * session holds `limit` other agents already. One atomic step on every store.
   */
  addAgent(sessionId: string, agent: AgentAuthorization, limit: number): Promise<AddAgentOutcome>;
  /** Replaces the tokens of an agent the session still holds (no other agent is touched). */
  setAgentTokens(sessionId: string, agent: AgentAuthorization, tokens: Tokens): Promise<void>;
  /** `false` when the session held no such agent. */
  removeAgent(sessionId: string, agentId: string): Promise<boolean>;
  /**
   * Runs `task` while no other request (on any instance) holds the lock with this name: a
   * session's own tokens and each of its agents' have their own (`refreshLockName`).
   */
  withRefreshLock<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** Throws when the store cannot serve requests (readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
}

export const newRecordId = () => randomBytes(32).toString('base64url');

const tokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
});

export const sealedSessionSchema = z.object({
  tokens: tokensSchema,
  user: sessionUserSchema,
  createdAt: z.number(),
});
export type SealedSession = z.infer<typeof sealedSessionSchema>;

export const pendingSignInSchema = z.object({
  state: z.string().min(1),
  returnTo: z.string(),
  addAgentTo: z.string().min(1).optional(),
});

export const sealedAgentSchema = z.object({
  user: sessionAgentSchema,
  tokens: tokensSchema,
  addedAt: z.number(),
});

/** What an agent's sealed value is bound to: it cannot be moved to another session or agent. */
export const agentRecordId = (sessionId: string, agentId: string) =>
  `${sessionId}/agent/${agentId}`;

/** The refresh lock of a session's own tokens (`agentId` null) or of one of its agents'. */
export const refreshLockName = (sessionId: string, agentId: string | null) =>
  agentId === null ? sessionId : agentRecordId(sessionId, agentId);

export const byAddedAt = (a: AgentAuthorization, b: AgentAuthorization) =>
  a.addedAt - b.addedAt || a.user.Id.localeCompare(b.user.Id);

/** An agent's authorization sealed for one session, as both stores keep it. */
export const sealAgent = (sealer: Sealer, sessionId: string, agent: AgentAuthorization) =>
  sealer.seal(agent, agentRecordId(sessionId, agent.user.Id));

/**
 * A session's agents from their sealed values (agent Id, sealed), oldest first; a value that does
 * not open, or opens as another agent's, is left out.
 */
export function openAgents(
  sealer: Sealer,
  sessionId: string,
  rows: Iterable<[agentId: string, sealed: string]>,
): AgentAuthorization[] {
  return [...rows]
    .flatMap(([agentId, sealed]) => {
      const agent = sealer.openAs(sealedAgentSchema, sealed, agentRecordId(sessionId, agentId));
      return agent?.user.Id === agentId ? [agent] : [];
    })
    .sort(byAddedAt);
}

/** When an idle session ends: idle time from now, but never past its absolute end. */
export const idleDeadline = (createdAt: number, now: number) =>
  Math.min(now + SESSION_IDLE_MS, createdAt + SESSION_ABSOLUTE_MS);
