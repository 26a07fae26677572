import cookiePlugin from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../spark/store/db.js';
import { authRoutes } from './auth-routes.js';
import { proxyRoutes } from './proxy.js';
import { SessionCookie } from './session-cookie.js';
import { SessionStore } from './sessions.js';
import { inProcessTransport, SparkClient } from './spark-client.js';

/** Where app.ts mounts the embedded emulator. */
const EMULATOR_PREFIX = '/spark';

export interface BffOptions {
  db: Db;
  config: Config;
}

/** Sign-in (/auth/*) and the app's proxy to the Spark API (/api/v1/*). */
export const bff: FastifyPluginAsync<BffOptions> = async (app, { db, config }) => {
  await app.register(cookiePlugin, { secret: config.sessionSecret });
  const sessions = new SessionStore(db);
  const shared = {
    config,
    sessions,
    cookie: new SessionCookie(config, sessions),
    spark: new SparkClient(
      config,
      config.embedded ? inProcessTransport(app, EMULATOR_PREFIX) : undefined,
    ),
  };
  await app.register(authRoutes, shared);
  await app.register(proxyRoutes, shared);
};
