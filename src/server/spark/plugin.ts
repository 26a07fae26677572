import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { SparkCode } from '../../shared/spark-codes.js';
import type { Config } from '../config.js';
import { authenticate, requireUserAgent } from './auth.js';
import { invalidParameter, notFound, SparkError } from './errors.js';
import { refuseMethodOverride } from './method-override.js';
import { OPENAPI_PATH, registerApiExplorer } from './openapi.js';
import { RollingRateLimit } from './rate-limit.js';
import { accountRoutes } from './routes/account.js';
import { contactRoutes } from './routes/contacts.js';
import { oauthRoutes } from './routes/oauth.js';
import { portalGroupRoutes } from './routes/portal-groups.js';
import { seedDemoData } from './seed.js';
import { countAccounts } from './store/accounts.js';
import type { Db } from './store/db.js';

export interface SparkEmulatorOptions {
  db: Db;
  config: Config;
}

const BAD_BODY_CODES = new Set([
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
]);

const badBody = (message: string) => new SparkError(400, SparkCode.BadBody, message);

function toSparkError(error: unknown): SparkError {
  if (error instanceof SparkError) return error;
  // Needed: a handler may throw anything; Fastify's own errors carry these fields, all optional.
  const fastifyError = error as Partial<FastifyError>;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // A path Id that is not 26 digits names nothing (spec §1).
    if (fastifyError.validationContext === 'params') return notFound('Resource');
    const issue = error.validation[0];
    const name = issue?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? '';
    return invalidParameter(`${name || fastifyError.validationContext}: ${issue?.message}`);
  }
  if (fastifyError.validation) return invalidParameter('The request is not valid.');
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new SparkError(413, SparkCode.InvalidParameter, 'The request body is too large.');
  }
  if (fastifyError.code && BAD_BODY_CODES.has(fastifyError.code)) {
    return badBody('The request body must be JSON sent as application/json.');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return invalidParameter('The request is not valid.');
  return new SparkError(500, SparkCode.InternalError, 'An unexpected error occurred.');
}

/** The Spark API emulator: mounted at /spark by the app's server, at the root by `npm run emulator`. */
export const sparkEmulator: FastifyPluginAsync<SparkEmulatorOptions> = async (app, opts) => {
  const { db, config } = opts;
  if (countAccounts(db) === 0) seedDemoData(db);

  // The answers are built from our own rows, so checking each against its schema (a tenth of the
  // time of a read) is left to the tests; SPARK_CHECK_ANSWERS=1 turns it on elsewhere.
  if (!config.emulator.checkAnswers) {
    app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  }

  const limiter = new RollingRateLimit(config.emulator.rateWindowSeconds * 1000);

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const charset = /;\s*charset="?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) {
      return done(badBody('JSON must be sent as UTF-8.'), undefined);
    }
    if (body === '') return done(null, undefined);
    try {
      // `parseAs: 'string'` hands a string (the type allows a Buffer too).
      done(null, JSON.parse(body.toString()));
    } catch {
      done(badBody('The request body is not valid JSON.'), undefined);
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
  const isGrant = (path: string) => /^\/v1\/oauth2\/grant\/?$/i.test(path);
  const pathOf = (url: string) => url.slice(app.prefix.length).split('?')[0] ?? '';
  app.addHook('onSend', async (request, reply) => {
    if ((reply.statusCode === 400 || reply.statusCode === 401) && isGrant(pathOf(request.url))) {
      await authFailures(request);
    }
  });

  app.addHook('onRequest', async (request) => {
    const path = pathOf(request.url);
    if (!/^\/v1(\/|$)/i.test(path)) return;
    refuseMethodOverride(request.raw);
    if (path === OPENAPI_PATH) return;
    const failures = await authFailures(request, { increment: false });
    if ('remaining' in failures && failures.remaining <= 0) {
      throw new SparkError(429, SparkCode.RateLimited, 'Too many refused attempts.', {
        headers: { 'Retry-After': String(failures.ttlInSeconds) },
      });
    }
    requireUserAgent(request);
    if (isGrant(path)) return;
    let caller;
    try {
      caller = authenticate(db, request);
    } catch (error) {
      if (error instanceof SparkError && error.code === SparkCode.Unauthorized) {
        await authFailures(request);
      }
      throw error;
    }
    const limit = caller.role === 'IDX' ? config.emulator.rateLimitIdx : config.emulator.rateLimit;
    limiter.take(caller.token, limit);
  });

  await registerApiExplorer(app);
  await app.register(oauthRoutes, { db, config });
  await app.register(accountRoutes);
  await app.register(portalGroupRoutes, { db });
  await app.register(contactRoutes, { db });
};
