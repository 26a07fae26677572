import cookiePlugin from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { EmulatorEntry } from '../spark/plugin.js';
import { auditStoreFor } from './audit.js';
import { auditRoutes } from './audit-routes.js';
import { authRoutes } from './auth-routes.js';
import { healthRoutes } from './health-routes.js';
import { proxyRoutes } from './proxy.js';
import { SessionCookie } from './session-cookie.js';
import { inProcessTransport, SparkClient } from './spark-client.js';
import { RedisSessionStore } from './store/redis-session-store.js';
import type { SessionStore } from './store/session-store.js';

/** Where app.ts mounts the embedded emulator. */
const EMULATOR_PREFIX = '/spark';

export interface BffOptions {
  config: Config;
  sessions: SessionStore;
  /** The embedded emulator's in-process entry, when it is served. */
  emulator?: EmulatorEntry;
}

const MINUTE_MS = 60 * 1000;

/**
 * Sign-in (/auth/*, agents and the audit trail included), the app's proxy to the Spark API
 * (/api/v1/*, /api/agents/:agentId/v1/*), and /healthz, /readyz.
 */
export const bff: FastifyPluginAsync<BffOptions> = async (app, { config, sessions, emulator }) => {
  await app.register(cookiePlugin, { secret: config.sessionSecret });
  // With Redis, every instance counts against the same allowance.
  const sharedLimits =
    sessions instanceof RedisSessionStore
      ? { redis: sessions.redis, nameSpace: 'pga:sign-in-limit:', skipOnError: true }
      : {};
  await app.register(rateLimit, { global: false, ...sharedLimits });
  const shared = {
    config,
    sessions,
    audit: auditStoreFor(sessions),
    cookie: new SessionCookie(config),
    spark: new SparkClient(
      config,
      config.embedded
        ? inProcessTransport(app, EMULATOR_PREFIX, () => emulator?.dispatch)
        : undefined,
    ),
  };
  const signInLimit = app.createRateLimit({ max: config.signInRateLimit, timeWindow: MINUTE_MS });
  await app.register(authRoutes, { ...shared, signInLimit });
  await app.register(auditRoutes, shared);
  await app.register(proxyRoutes, shared);
  await app.register(healthRoutes, shared);
};
