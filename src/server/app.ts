import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Db } from './spark/store/db.js';
import { sparkEmulator, type EmulatorEntry } from './spark/plugin.js';
import { bff } from './bff/plugin.js';
import { openSessionStore } from './bff/store/open-session-store.js';
import { StoreUnavailable, type SessionStore } from './bff/store/session-store.js';
import { loggerOptions, requestLogger, type LogTarget } from './request-log.js';
import { BODY_LIMIT, createFastify } from './server-base.js';
import { notFound } from './spark/errors.js';
import { applyMethodOverride } from './spark/method-override.js';
import { isInProcess } from './in-process-mark.js';
import { addSecurityHeaders } from './security-headers.js';
import { addCompression } from './compression.js';

export interface BuildOptions {
  /** Folder of the built single-page app; not served when missing (API-only tests). */
  staticRoot?: string;
  logger?: LogTarget;
}

export interface Server {
  app: FastifyInstance;
  db: Db;
  sessions: SessionStore;
  /** The embedded emulator's in-process entry (its `dispatch` once the emulator is served). */
  emulator: EmulatorEntry;
}

/** The app's pages may load only what this origin serves, and be framed by no one. */
function addAppSecurityHeaders(app: FastifyInstance, secure: boolean) {
  addSecurityHeaders(
    app,
    {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine sets CSS variables and some style attributes at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: secure ? [] : null,
        },
      },
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    },
    '/assets/',
  );
}

/** The built app (when there is one), and its client routes: deep links load it. */
async function serveBuiltApp(app: FastifyInstance, staticRoot: string) {
  if (!existsSync(resolve(staticRoot, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: staticRoot,
    // One route per built file: any other path, such as an unknown /spark/v1/..., is left to
    // the not-found handler of its own prefix.
    wildcard: false,
    index: ['index.html'],
    // The build writes a .br and a .gz beside each file (vite.config.ts): sent as they are.
    preCompressed: true,
    setHeaders(res, path) {
      res.header(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Client routes: deep links load the app, which routes itself.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isClientRoute = !/^\/(api|auth|spark|assets)(\/|$)/.test(path) && !/\.\w+$/.test(path);
    if ((request.method === 'GET' || request.method === 'HEAD') && isClientRoute) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found' });
  });
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<Server> {
  const db = openDatabase(config.databasePath);
  const sessions = openSessionStore(config);
  const secure = new URL(config.publicUrl).protocol === 'https:';
  const app = createFastify({
    logger: loggerOptions(config.logLevel, options.logger),
    requestTimeoutMs: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
    apiNotFound: { path: /^\/(api|spark)(\/|$)/, body: notFound('Resource').toBody() },
    ...(config.embedded
      ? { beforeRouting: (req) => applyMethodOverride(req, '/spark', BODY_LIMIT) }
      : {}),
  });
  app.addHook('onClose', async () => {
    await sessions.close();
    db.close();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (/^\/(api|auth|spark|healthz|readyz)(\/|$|\?)/.test(request.url)) {
      reply.header('Cache-Control', 'no-store');
    }
  });
  // The outer request of one the sign-in server hands its emulator is the one logged.
  app.addHook('onResponse', requestLogger({ skip: isInProcess }));
  // Set before the plugins register, so that those without their own (the BFF's sign-in routes) inherit it.
  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    if (error instanceof StoreUnavailable) {
      request.log.warn({ err: error }, 'session store unavailable');
      return reply.code(503).header('Retry-After', '5').send({ error: 'Temporarily unavailable' });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.code(status).send({ error: status === 500 ? 'Internal error' : 'Bad request' });
  });

  addAppSecurityHeaders(app, secure);

  // Before any route: it hooks each route as it is added.
  await addCompression(app);
  const emulator: EmulatorEntry = {};
  if (config.embedded) {
    await app.register(sparkEmulator, { prefix: '/spark', db, config, entry: emulator });
  }
  await app.register(bff, { config, sessions, emulator });

  await serveBuiltApp(app, resolve(options.staticRoot ?? 'dist'));
  return { app, db, sessions, emulator };
}
