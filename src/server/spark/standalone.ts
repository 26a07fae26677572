import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Server } from '../app.js';
import { loggerOptions, type LogTarget } from '../request-log.js';
import { createFastify } from '../server-base.js';
import { addSecurityHeaders } from '../security-headers.js';
import { sparkEmulator } from './plugin.js';
import { openDatabase } from './store/db.js';

/** Fastify's "Server listening at" line, with the scheme the emulator really serves. */
export const emulatorListenText = (config: Config) => (address: string) =>
  `Spark emulator listening at ${config.emulator.tls ? address.replace(/^http:/, 'https:') : address}`;

/** `npm run emulator`: the emulator alone at the host root, the way sparkapi.com serves Spark. */
export async function buildEmulatorServer(
  config: Config,
  options: { logger?: LogTarget } = {},
): Promise<Pick<Server, 'app' | 'db'>> {
  const { tls } = config.emulator;
  const app = createFastify({
    logger: loggerOptions(config.logLevel, options.logger),
    requestTimeoutMs: config.requestTimeoutMs,
    sparkPrefix: '',
    apiPath: /^\//,
    ...(tls ? { tls: { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } } : {}),
  });
  const db = openDatabase(config.databasePath);
  app.addHook('onClose', () => db.close());
  addSecurityHeaders(app, {
    // The sign-in pages set their own policy; nothing else here is a page.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    // A sandbox on localhost must not pin the browser to https for every other local server.
    strictTransportSecurity: false,
  });
  await app.register(sparkEmulator, { db, config });
  return { app, db };
}
