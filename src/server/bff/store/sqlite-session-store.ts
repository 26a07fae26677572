import type { SessionUser } from '../../../shared/account.js';
import type { Sealer } from './sealing.js';
import { openSessionsDatabase, type SessionsDb } from './sessions-db.js';
import {
  openAgents,
  sealAgent,
  idleDeadline,
  newRecordId,
  pendingSignInSchema,
  sealedSessionSchema,
  SESSION_IDLE_MS,
  SIGN_IN_WINDOW_MS,
  TOUCH_AFTER_MS,
  type AddAgentOutcome,
  type AgentAuthorization,
  type PendingSignIn,
  type SealedSession,
  type Session,
  type SessionStore,
  type Tokens,
} from './session-store.js';

const SWEEP_EVERY_MS = 60 * 1000;

interface Row {
  sealed: string;
  expires_at: number;
}

/** Sessions in the sign-in server's own SQLite file (one instance); expired rows are swept. */
export class SqliteSessionStore implements SessionStore {
  readonly db: SessionsDb;
  private readonly statements;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    path: string,
    private readonly sealer: Sealer,
    private readonly now: () => number = Date.now,
  ) {
    this.db = openSessionsDatabase(path);
    const db = this.db;
    this.statements = {
      // The session and its agents in one read: it runs on every /api request.
      getSession: db.prepare<[id: string], Row & { agent_id: string | null; agent: string | null }>(
        `SELECT s.sealed, s.expires_at, a.agent_id, a.sealed AS agent
         FROM sessions s LEFT JOIN session_agents a ON a.session_id = s.id WHERE s.id = ?`,
      ),
      insertSession: db.prepare<[id: string, sealed: string, expiresAt: number]>(
        'INSERT INTO sessions (id, sealed, expires_at) VALUES (?, ?, ?)',
      ),
      updateSealed: db.prepare<[sealed: string, id: string]>(
        'UPDATE sessions SET sealed = ? WHERE id = ?',
      ),
      touch: db.prepare<[expiresAt: number, id: string]>(
        'UPDATE sessions SET expires_at = ? WHERE id = ?',
      ),
      deleteSession: db.prepare<[id: string]>('DELETE FROM sessions WHERE id = ?'),
      insertSignIn: db.prepare<[id: string, sealed: string, expiresAt: number]>(
        'INSERT INTO sign_ins (id, sealed, expires_at) VALUES (?, ?, ?)',
      ),
      takeSignIn: db.prepare<[id: string], Row>(
        'DELETE FROM sign_ins WHERE id = ? RETURNING sealed, expires_at',
      ),
      sweepSessions: db.prepare<[now: number]>('DELETE FROM sessions WHERE expires_at <= ?'),
      sweepSignIns: db.prepare<[now: number]>('DELETE FROM sign_ins WHERE expires_at <= ?'),
      sessionLive: db.prepare<[id: string, now: number]>(
        'SELECT 1 FROM sessions WHERE id = ? AND expires_at > ?',
      ),
      countOtherAgents: db.prepare<[sessionId: string, agentId: string], { n: number }>(
        'SELECT COUNT(*) AS n FROM session_agents WHERE session_id = ? AND agent_id <> ?',
      ),
      upsertAgent: db.prepare<[sessionId: string, agentId: string, sealed: string]>(
        `INSERT INTO session_agents (session_id, agent_id, sealed) VALUES (?, ?, ?)
         ON CONFLICT (session_id, agent_id) DO UPDATE SET sealed = excluded.sealed`,
      ),
      updateAgent: db.prepare<[sealed: string, sessionId: string, agentId: string]>(
        'UPDATE session_agents SET sealed = ? WHERE session_id = ? AND agent_id = ?',
      ),
      deleteAgent: db.prepare<[sessionId: string, agentId: string]>(
        'DELETE FROM session_agents WHERE session_id = ? AND agent_id = ?',
      ),
    };
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
  }

  /** Deletes expired sessions and abandoned sign-ins. */
  sweep(): void {
    const now = this.now();
    this.statements.sweepSessions.run(now);
    this.statements.sweepSignIns.run(now);
  }

  async startSignIn(pending: PendingSignIn): Promise<string> {
    const id = newRecordId();
    const expiresAt = this.now() + SIGN_IN_WINDOW_MS;
    this.statements.insertSignIn.run(id, this.sealer.seal(pending, id), expiresAt);
    return id;
  }

  async takeSignIn(id: string): Promise<PendingSignIn | null> {
    const row = this.statements.takeSignIn.get(id);
    if (!row || row.expires_at <= this.now()) return null;
    const parsed = pendingSignInSchema.safeParse(this.sealer.open(row.sealed, id));
    return parsed.success ? parsed.data : null;
  }

  async create(tokens: Tokens, user: SessionUser): Promise<string> {
    const id = newRecordId();
    const now = this.now();
    const sealed: SealedSession = { tokens, user, createdAt: now };
    this.statements.insertSession.run(id, this.sealer.seal(sealed, id), now + SESSION_IDLE_MS);
    return id;
  }

  async get(id: string): Promise<Session | null> {
    const rows = this.statements.getSession.all(id);
    const row = rows[0];
    if (!row) return null;
    const now = this.now();
    const data =
      row.expires_at > now ? this.sealer.openAs(sealedSessionSchema, row.sealed, id) : null;
    // Expired, or sealed under a session secret that has since been rotated: signed out.
    if (!data) {
      this.statements.deleteSession.run(id);
      return null;
    }
    const extended = idleDeadline(data.createdAt, now);
    if (extended - row.expires_at > TOUCH_AFTER_MS) this.statements.touch.run(extended, id);
    return {
      id,
      tokens: data.tokens,
      user: data.user,
      createdAt: data.createdAt,
      agents: openAgents(
        this.sealer,
        id,
        rows.flatMap(({ agent_id, agent }) => (agent_id && agent ? [[agent_id, agent]] : [])),
      ),
    };
  }

  async addAgent(
    sessionId: string,
    agent: AgentAuthorization,
    limit: number,
  ): Promise<AddAgentOutcome> {
    const agentId = agent.user.Id;
    const sealed = sealAgent(this.sealer, sessionId, agent);
    return this.db.transaction((): AddAgentOutcome => {
      if (!this.statements.sessionLive.get(sessionId, this.now())) return 'session';
      const others = this.statements.countOtherAgents.get(sessionId, agentId)?.n ?? 0;
      if (others >= limit) return 'limit';
      this.statements.upsertAgent.run(sessionId, agentId, sealed);
      return 'added';
    })();
  }

  async setAgentTokens(
    sessionId: string,
    agent: AgentAuthorization,
    tokens: Tokens,
  ): Promise<void> {
    const agentId = agent.user.Id;
    const sealed = sealAgent(this.sealer, sessionId, { ...agent, tokens });
    this.statements.updateAgent.run(sealed, sessionId, agentId);
  }

  async removeAgent(sessionId: string, agentId: string): Promise<boolean> {
    return this.statements.deleteAgent.run(sessionId, agentId).changes > 0;
  }

  async setTokens(session: Session, tokens: Tokens): Promise<void> {
    const sealed: SealedSession = { tokens, user: session.user, createdAt: session.createdAt };
    this.statements.updateSealed.run(this.sealer.seal(sealed, session.id), session.id);
  }

  async delete(id: string): Promise<void> {
    this.statements.deleteSession.run(id);
  }

  /** One process holds this store, so an in-process queue per lock name is the lock. */
  async withRefreshLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const before = this.locks.get(name) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(name, settled);
    void settled.then(() => {
      if (this.locks.get(name) === settled) this.locks.delete(name);
    });
    return run;
  }

  async check(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.db.close();
  }
}
