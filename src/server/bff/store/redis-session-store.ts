import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { SessionUser } from '../../../shared/account.js';
import type { Sealer } from './sealing.js';
import {
  openAgents,
  sealAgent,
  idleDeadline,
  newRecordId,
  pendingSignInSchema,
  sealedSessionSchema,
  SESSION_IDLE_MS,
  SIGN_IN_WINDOW_MS,
  StoreUnavailable,
  TOUCH_AFTER_MS,
  type AddAgentOutcome,
  type AgentAuthorization,
  type PendingSignIn,
  type SealedSession,
  type Session,
  type SessionStore,
  type Tokens,
} from './session-store.js';

/** Longer than a token refresh can take (Spark calls time out at 30 s), so a lock never leaks. */
const LOCK_MS = 35_000;
const LOCK_POLL_MS = 20;
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * What MULTI GET, PTTL, HGETALL answers: the sealed session (none when gone), its time to live
 * and its agents. An answer of another shape: the store is unavailable.
 */
const sessionAnswerSchema = z.tuple([
  z.string().nullish(),
  z.number().optional(),
  z.record(z.string(), z.string()),
]);

const sessionKey = (id: string) => `pga:session:${id}`;
/** A hash of the session's agents, agent Id to sealed value; it expires with the session. */
const agentsKey = (id: string) => `pga:session-agents:${id}`;
const signInKey = (id: string) => `pga:sign-in:${id}`;
const lockKey = (name: string) => `pga:refresh-lock:${name}`;

// KEYS: session, agents. ARGV: agent Id, sealed value, limit.
const ADD_AGENT = `
local ttl = redis.call('pttl', KEYS[1])
if ttl <= 0 then return 'session' end
if redis.call('hexists', KEYS[2], ARGV[1]) == 0 and redis.call('hlen', KEYS[2]) >= tonumber(ARGV[3]) then
  return 'limit'
end
redis.call('hset', KEYS[2], ARGV[1], ARGV[2])
redis.call('pexpire', KEYS[2], ttl)
return 'added'`;
// KEYS: agents. ARGV: agent Id, sealed value. Only an agent still held is updated.
const SET_AGENT = `
if redis.call('hexists', KEYS[1], ARGV[1]) == 1 then return redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) end
return 0`;

/**
 * A client that fails fast while Redis is away (no queue) or stalls (a connection open that answers
 * nothing: each command gives up after 2 s), and reconnects by itself.
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Reconnection is automatic; a connection error is what readiness reports, not a crash.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Sessions shared by every instance in Redis: expiry by Redis itself (PX), every change one
 * command (nothing half-written), values sealed as in SQLite, and the refresh lock a key set
 * with NX that only its holder deletes.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    readonly redis: Redis,
    private readonly sealer: Sealer,
  ) {}

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StoreUnavailable('The session store is unavailable', { cause: error });
    }
  }

  async startSignIn(pending: PendingSignIn): Promise<string> {
    const id = newRecordId();
    const sealed = this.sealer.seal(pending, id);
    await this.call(() => this.redis.set(signInKey(id), sealed, 'PX', SIGN_IN_WINDOW_MS));
    return id;
  }

  async takeSignIn(id: string): Promise<PendingSignIn | null> {
    const sealed = await this.call(() => this.redis.getdel(signInKey(id)));
    if (!sealed) return null;
    const parsed = pendingSignInSchema.safeParse(this.sealer.open(sealed, id));
    return parsed.success ? parsed.data : null;
  }

  async create(tokens: Tokens, user: SessionUser): Promise<string> {
    const id = newRecordId();
    const value: SealedSession = { tokens, user, createdAt: Date.now() };
    const sealed = this.sealer.seal(value, id);
    await this.call(() => this.redis.set(sessionKey(id), sealed, 'PX', SESSION_IDLE_MS));
    return id;
  }

  async get(id: string): Promise<Session | null> {
    const key = sessionKey(id);
    const [sealed, ttl, agents] = await this.call(async () => {
      const results = await this.redis.multi().get(key).pttl(key).hgetall(agentsKey(id)).exec();
      return sessionAnswerSchema.parse([
        results?.[0]?.[1],
        results?.[1]?.[1],
        results?.[2]?.[1] ?? {},
      ]);
    });
    if (!sealed) return null;
    const data = this.sealer.openAs(sealedSessionSchema, sealed, id);
    if (!data) {
      await this.delete(id);
      return null;
    }
    const now = Date.now();
    const extended = idleDeadline(data.createdAt, now);
    if (ttl !== undefined && ttl > 0 && extended - (now + ttl) > TOUCH_AFTER_MS) {
      await this.call(() =>
        this.redis
          .multi()
          .pexpire(key, extended - now)
          .pexpire(agentsKey(id), extended - now)
          .exec(),
      );
    }
    return { id, ...data, agents: this.agentsOf(id, agents) };
  }

  private agentsOf(sessionId: string, sealed: Record<string, string>): AgentAuthorization[] {
    return openAgents(this.sealer, sessionId, Object.entries(sealed));
  }

  async addAgent(
    sessionId: string,
    agent: AgentAuthorization,
    limit: number,
  ): Promise<AddAgentOutcome> {
    const agentId = agent.user.Id;
    const sealed = sealAgent(this.sealer, sessionId, agent);
    const outcome = await this.call(() =>
      this.redis.eval(
        ADD_AGENT,
        2,
        sessionKey(sessionId),
        agentsKey(sessionId),
        agentId,
        sealed,
        limit,
      ),
    );
    return outcome === 'added' || outcome === 'limit' ? outcome : 'session';
  }

  async setAgentTokens(
    sessionId: string,
    agent: AgentAuthorization,
    tokens: Tokens,
  ): Promise<void> {
    const agentId = agent.user.Id;
    const sealed = sealAgent(this.sealer, sessionId, { ...agent, tokens });
    await this.call(() => this.redis.eval(SET_AGENT, 1, agentsKey(sessionId), agentId, sealed));
  }

  async removeAgent(sessionId: string, agentId: string): Promise<boolean> {
    return (await this.call(() => this.redis.hdel(agentsKey(sessionId), agentId))) > 0;
  }

  async setTokens(session: Session, tokens: Tokens): Promise<void> {
    const value: SealedSession = { tokens, user: session.user, createdAt: session.createdAt };
    const sealed = this.sealer.seal(value, session.id);
    // XX: a session signed out meanwhile stays signed out.
    await this.call(() => this.redis.set(sessionKey(session.id), sealed, 'KEEPTTL', 'XX'));
  }

  async delete(id: string): Promise<void> {
    await this.call(() => this.redis.del(sessionKey(id), agentsKey(id)));
  }

  async withRefreshLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const key = lockKey(name);
    const holder = randomBytes(16).toString('hex');
    const deadline = Date.now() + LOCK_MS;
    while ((await this.call(() => this.redis.set(key, holder, 'PX', LOCK_MS, 'NX'))) !== 'OK') {
      if (Date.now() > deadline) throw new StoreUnavailable('The refresh lock was not released');
      await delay(LOCK_POLL_MS);
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE_LOCK, 1, key, holder).catch(() => undefined);
    }
  }

  async check(): Promise<void> {
    await this.call(() => this.redis.ping());
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
