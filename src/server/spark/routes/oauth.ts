import type { FastifyPluginAsync } from 'fastify';
import type { SparkEmulatorOptions } from '../plugin.js';

/** The emulator's OAuth 2 pages and token endpoint (spec §5). */
export const oauthRoutes: FastifyPluginAsync<SparkEmulatorOptions> = async () => {
  // Being built by the OAuth/BFF helper.
};
