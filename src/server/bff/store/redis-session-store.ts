import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { SessionUser } from '../../../shared/account.js';
import type { Sealer } from './sealing.js';
import {
  idleDeadline,
  newRecordId,
  pendingSignInSchema,
  sealedSessionSchema,
  SESSION_IDLE_MS,
  SIGN_IN_WINDOW_MS,
  StoreUnavailable,
  TOUCH_AFTER_MS,
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

const sessionKey = (id: string) => `pga:session:${id}`;
const signInKey = (id: string) => `pga:sign-in:${id}`;
const lockKey = (id: string) => `pga:refresh-lock:${id}`;

/** A client that fails fast while Redis is away (no queue) and reconnects by itself. */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
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
    const [sealed, ttl] = await this.call(async () => {
      const results = await this.redis.multi().get(key).pttl(key).exec();
      return [results?.[0]?.[1], results?.[1]?.[1]] as [string | null, number];
    });
    if (!sealed) return null;
    const parsed = sealedSessionSchema.safeParse(this.sealer.open(sealed, id));
    if (!parsed.success) {
      await this.call(() => this.redis.del(key));
      return null;
    }
    const now = Date.now();
    const extended = idleDeadline(parsed.data.createdAt, now);
    if (ttl > 0 && extended - (now + ttl) > TOUCH_AFTER_MS) {
      await this.call(() => this.redis.pexpire(key, extended - now));
    }
    return { id, ...parsed.data };
  }

  async setTokens(session: Session, tokens: Tokens): Promise<void> {
    const value: SealedSession = { tokens, user: session.user, createdAt: session.createdAt };
    const sealed = this.sealer.seal(value, session.id);
    // XX: a session signed out meanwhile stays signed out.
    await this.call(() => this.redis.set(sessionKey(session.id), sealed, 'KEEPTTL', 'XX'));
  }

  async delete(id: string): Promise<void> {
    await this.call(() => this.redis.del(sessionKey(id)));
  }

  async withRefreshLock<T>(id: string, task: () => Promise<T>): Promise<T> {
    const key = lockKey(id);
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
