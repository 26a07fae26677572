import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../spark/store/db.js';

export interface BffOptions {
  db: Db;
  config: Config;
}

/** Sign-in (/auth/*) and the app's proxy to the Spark API (/api/v1/*). */
export const bff: FastifyPluginAsync<BffOptions> = async () => {
  // Built in the app issue.
};
