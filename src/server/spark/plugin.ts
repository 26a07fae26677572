import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { bindCaller } from './auth.js';
import { BODY_LIMIT } from '../server-base.js';
import { clientAddressOf } from '../in-process-mark.js';
import { notFound, toSparkError } from './errors.js';
import { createGate, isTokenEndpoint, routedPath, type AuthFailures } from './gate.js';
import { createDispatch, type Dispatch } from './in-process.js';
import { registerApiExplorer } from './openapi.js';
import { oauthRoutes } from './routes/oauth.js';
import { registerTable } from './routes/resource.js';
import { registerPhotoRoute } from './photos.js';
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

/** For a call made for no client (the readiness probe): nothing to count. */
const NOT_COUNTED: AuthFailures = {
  refusedFor: async () => undefined,
  count: async () => undefined,
};

/** Every answer in Spark's envelope: bodies parsed as Spark reads them, any failure a SparkError. */
function answerAsSpark(app: FastifyInstance, checkAnswers: boolean) {
  // The answers are built from our own rows, so checking each against its schema (a tenth of the
  // time of a read) is left to the tests; SPARK_CHECK_ANSWERS=1 turns it on elsewhere.
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
}

/**
 * Guessing: unknown tokens and refused grants count against the client address (an expired
 * token or a success does not), and an address over the limit is refused before any lookup.
 * Gives the refused attempts of a client address, for the gate.
 */
async function refusedAttempts(
  app: FastifyInstance,
  config: Config,
  pathOf: (url: string) => string,
) {
  await app.register(rateLimit, { global: false });
  const authFailures = app.createRateLimit({
    max: config.emulator.authFailureLimit,
    timeWindow: 60_000,
  });
  // Needed: the limiter is typed for a FastifyRequest but reads only these two of one.
  const peerAt = (ip: string) =>
    ({ ip, routeOptions: { config: {} } }) as unknown as FastifyRequest;
  const failuresOf = (ip: string | undefined): AuthFailures => {
    if (ip === undefined) return NOT_COUNTED;
    const peer = peerAt(ip);
    return {
      refusedFor: async () => {
        const failures = await authFailures(peer, { increment: false });
        return 'remaining' in failures && failures.remaining <= 0
          ? failures.ttlInSeconds
          : undefined;
      },
      count: async () => {
        await authFailures(peer);
      },
    };
  };
  app.addHook('onSend', async (request, reply) => {
    if (
      (reply.statusCode === 400 || reply.statusCode === 401) &&
      isTokenEndpoint(pathOf(request.url))
    ) {
      await failuresOf(clientAddressOf(request)).count();
    }
  });
  return failuresOf;
}

/** The Spark API emulator: mounted at /spark by the app's server, at the root by `npm run emulator`. */
export const sparkEmulator: FastifyPluginAsync<SparkEmulatorOptions> = async (app, opts) => {
  const { db, config } = opts;
  const { checkAnswers } = config.emulator;
  if (countAccounts(db) === 0) seedDemoData(db);
  // A database from before the demo MLS existed gets its listings too.
  else if (countAllListings(db) === 0) seedDemoListings(db);
  answerAsSpark(app, checkAnswers);

  const pathOf = (url: string) => routedPath(url).slice(app.prefix.length);
  const failuresOf = await refusedAttempts(app, config, pathOf);
  const gate = createGate(db, config);
  app.addHook('onRequest', async (request) => {
    const caller = await gate(
      { message: request.raw, path: pathOf(request.url) },
      failuresOf(clientAddressOf(request)),
    );
    if (caller) bindCaller(request, caller);
  });

  const table = routeTable(db, opts.photoBase ?? `${app.prefix}/photos`);
  await registerApiExplorer(app);
  await app.register(oauthRoutes, { db, config });
  registerPhotoRoute(app, db);
  await app.register(async (scope) => registerTable(scope, table, checkAnswers));

  if (opts.entry) {
    opts.entry.dispatch = createDispatch({
      routes: table,
      fastify: app.initialConfig,
      gate,
      failuresOf,
      checkAnswers,
      bodyLimit: app.initialConfig.bodyLimit ?? BODY_LIMIT,
      log: app.log,
    });
  }
};
