import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { loggerOptions, requestLogger, type LogTarget } from '../request-log.js';
import { BODY_LIMIT, createFastify } from '../server-base.js';
import { addSecurityHeaders } from '../security-headers.js';
import { addCompression } from '../compression.js';
import { notFound } from './errors.js';
import { applyMethodOverride } from './method-override.js';
import { sparkEmulator } from './plugin.js';
import { openDatabase, type Db } from './store/db.js';

/** Fastify's "Server listening at" line, with the scheme the emulator really serves. */
export const emulatorListenText = (config: Config) => (address: string) =>
  `Spark emulator listening at ${config.emulator.tls ? address.replace(/^http:/, 'https:') : address}`;

/** `npm run emulator`: the emulator alone at the host root, the way sparkapi.com serves Spark. */
export async function buildEmulatorServer(
  config: Config,
  options: { logger?: LogTarget } = {},
): Promise<{ app: FastifyInstance; db: Db }> {
  const { tls } = config.emulator;
  const app = createFastify({
    logger: loggerOptions(config.logLevel, options.logger),
    requestTimeoutMs: config.requestTimeoutMs,
    beforeRouting: (req) => applyMethodOverride(req, '', BODY_LIMIT),
    apiNotFound: { path: /^\//, body: notFound('Resource').toBody() },
    ...(tls ? { tls: { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } } : {}),
  });
  const db = openDatabase(config.databasePath);
  app.addHook('onClose', () => db.close());
  app.addHook('onResponse', requestLogger());
  addSecurityHeaders(app, {
    // The sign-in pages set their own policy; nothing else here is a page.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    // A sandbox on localhost must not pin the browser to https for every other local server.
    strictTransportSecurity: false,
  });
  await addCompression(app);
  // Photos on the emulator's own host, as a live Spark's are on theirs, for apps on any origin.
  await app.register(sparkEmulator, {
    db,
    config,
    photoBase: `${config.emulator.publicUrl}/photos`,
  });
  return { app, db };
}
