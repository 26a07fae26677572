import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { bindCaller } from './auth.js';
import { BODY_LIMIT } from '../server-base.js';
import { notFound, toSparkError } from './errors.js';
import { createGate, isGrant, type AuthFailures } from './gate.js';
import { createDispatch, type Dispatch } from './in-process.js';
import { registerApiExplorer } from './openapi.js';
import { oauthRoutes } from './routes/oauth.js';
import { registerTable } from './routes/resource.js';
import { registerPhotoRoute } from './photos.js';
import { listingTable } from './routes/listings.js';
import { routeTable } from './routes/table.js';
import { seedDemoData, seedDemoListings } from './seed.js';
import { countAccounts } from './store/accounts.js';
import { countAllListings } from './store/listings.js';
import type { Db } from './store/db.js';
import { parseJsonText } from './validation.js';

/** Filled in as the emulator registers: its in-process entry, for a sign-in server beside it. */
export interface EmulatorEntry {
  dispatch?: Dispatch;
}

export interface SparkEmulatorOptions {
  db: Db;
  config: Config;
  entry?: EmulatorEntry;
  /**
   * Where photo URIs point: by default the path of this emulator's own photos (`/spark/photos`
   * when mounted), so that they load from whatever host the app is reached by.
   */
  photoBase?: string;
}

/**
 * What the address limiter reads of a request. In-process calls come from this server itself
 * (127.0.0.1, as they did under `inject`).
 */
const inProcessPeer = { ip: '127.0.0.1', routeOptions: { config: {} } };

/** The Spark API emulator: mounted at /spark by the app's server, at the root by `npm run emulator`. */
export const sparkEmulator: FastifyPluginAsync<SparkEmulatorOptions> = async (app, opts) => {
  const { db, config } = opts;
  if (countAccounts(db) === 0) seedDemoData(db);
  // A database from before the demo MLS existed gets its listings too.
  else if (countAllListings(db) === 0) seedDemoListings(db);

  // The answers are built from our own rows, so checking each against its schema (a tenth of the
  // time of a read) is left to the tests; SPARK_CHECK_ANSWERS=1 turns it on elsewhere.
  const { checkAnswers } = config.emulator;
  if (!checkAnswers) {
    app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  }

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, parseJsonText(request.headers['content-type'], body.toString()));
    } catch (error) {
      done(toSparkError(error), undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const spark = toSparkError(error);
    if (spark.status >= 500) request.log.error(error);
    return reply
      .code(spark.status)
      .headers(spark.extra.headers ?? {})
      .send(spark.toBody());
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(notFound('Resource').toBody()));

  // Guessing: unknown tokens and refused grants count against the client address (an expired
  // token or a success does not), and an address over the limit is refused before any lookup.
  await app.register(rateLimit, { global: false });
  const authFailures = app.createRateLimit({
    max: config.emulator.authFailureLimit,
    timeWindow: 60_000,
  });
  const failuresOf = (request: FastifyRequest): AuthFailures => ({
    refusedFor: async () => {
      const failures = await authFailures(request, { increment: false });
      return 'remaining' in failures && failures.remaining <= 0 ? failures.ttlInSeconds : undefined;
    },
    count: async () => {
      await authFailures(request);
    },
  });
  const pathOf = (url: string) => url.slice(app.prefix.length).split('?')[0] ?? '';
  app.addHook('onSend', async (request, reply) => {
    if ((reply.statusCode === 400 || reply.statusCode === 401) && isGrant(pathOf(request.url))) {
      await authFailures(request);
    }
  });

  const gate = createGate(db, config);
  app.addHook('onRequest', async (request) => {
    const caller = await gate(
      { message: request.raw, path: pathOf(request.url) },
      failuresOf(request),
    );
    if (caller) bindCaller(request, caller);
  });

  const photoBase = opts.photoBase ?? `${app.prefix}/photos`;
  const table = [...routeTable(db), ...listingTable(db, { photoBase })];
  await registerApiExplorer(app);
  await app.register(oauthRoutes, { db, config });
  registerPhotoRoute(app, db);
  await app.register(async (scope) => registerTable(scope, table, checkAnswers));

  if (opts.entry) {
    opts.entry.dispatch = createDispatch({
      routes: table,
      gate,
      // Needed: the limiter is typed for a FastifyRequest but reads only these two of one.
      failures: failuresOf(inProcessPeer as unknown as FastifyRequest),
      checkAnswers,
      bodyLimit: BODY_LIMIT,
      log: app.log,
    });
  }
};
