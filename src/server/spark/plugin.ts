import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from './store/db.js';

export interface SparkEmulatorOptions {
  db: Db;
  config: Config;
}

/** The embedded Spark API emulator (mounted at /spark). */
export const sparkEmulator: FastifyPluginAsync<SparkEmulatorOptions> = async () => {
  // Built in the API server issue.
};
