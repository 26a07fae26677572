import type { Config } from '../../config.js';
import { connectRedis, RedisSessionStore } from './redis-session-store.js';
import { Sealer } from './sealing.js';
import type { SessionStore } from './session-store.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

/** Redis when `REDIS_URL` is set (many instances), else the embedded SQLite file (one). */
export function openSessionStore(config: Config): SessionStore {
  const sealer = new Sealer(config.sessionSecret);
  if (config.redisUrl) return new RedisSessionStore(connectRedis(config.redisUrl), sealer);
  return new SqliteSessionStore(config.sessionsDatabasePath, sealer);
}
