import type { FastifyBaseLogger, FastifyError, FastifySchema } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { parse as parseQueryString } from 'fast-querystring';
import { z } from 'zod';
import { SparkCode } from '../../shared/spark-codes.js';
import type { Config } from '../config.js';
import { authenticate, requireUserAgent, type Caller } from './auth.js';
import { invalidParameter, SparkError } from './errors.js';
import { refuseMethodOverride } from './method-override.js';
import { OPENAPI_PATH } from './openapi.js';
import { RollingRateLimit } from './rate-limit.js';
import type { Db } from './store/db.js';
import { parseInput, parseJsonText, schemaFailure } from './validation.js';

/**
 * The emulator as plain functions: the gate every `/v1` request passes (method override, the
 * address's refused attempts, user agent, token, rate limit), a table of routes whose handlers
 * take `(caller, params, query, body)`, and the serialisation of their answers. The Fastify
 * plugin is their HTTP adapter; `dispatch` is their in-process one, for the sign-in server in
 * the same process.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A query string as Fastify parses it (so both adapters see the same values). */
export const parseQuery = (query: string): Record<string, unknown> =>
  query.length === 0 ? {} : parseQueryString(query);

const BAD_BODY_CODES = new Set([
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
]);

function isFastifyError(error: unknown): error is Partial<FastifyError> {
  return typeof error === 'object' && error !== null;
}

/** Any failure as the Spark error it is answered with. */
export function toSparkError(error: unknown): SparkError {
  if (error instanceof SparkError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    return schemaFailure(
      error.validationContext ?? '',
      issue && {
        name: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: issue.message,
      },
    );
  }
  const fastifyError = isFastifyError(error) ? error : {};
  if (fastifyError.validation) return invalidParameter('The request is not valid.');
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new SparkError(413, SparkCode.InvalidParameter, 'The request body is too large.');
  }
  if (fastifyError.code && BAD_BODY_CODES.has(fastifyError.code)) {
    return new SparkError(
      400,
      SparkCode.BadBody,
      'The request body must be JSON sent as application/json.',
    );
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return invalidParameter('The request is not valid.');
  return new SparkError(500, SparkCode.InternalError, 'An unexpected error occurred.');
}

/** The refused attempts (unknown tokens, refused grants) of the client's address. */
export interface AuthFailures {
  /** Seconds until the address may try again, when it is over its limit. */
  refusedFor(): Promise<number | undefined>;
  count(): Promise<void>;
}

export const isGrant = (path: string) => /^\/v1\/oauth2\/grant\/?$/i.test(path);

export interface GateRequest {
  /** The raw request, or what an in-process one has of it. */
  message: Parameters<typeof refuseMethodOverride>[0];
  /** Under the emulator's root, without the query string. */
  path: string;
}

/**
 * What every request under `/v1` passes before its route: the caller it is admitted as (none
 * for the OpenAPI description and the token endpoint), or the SparkError that refuses it.
 */
export function createGate(db: Db, config: Config) {
  const limiter = new RollingRateLimit(config.emulator.rateWindowSeconds * 1000);
  return async (request: GateRequest, failures: AuthFailures): Promise<Caller | undefined> => {
    const { path } = request;
    if (!/^\/v1(\/|$)/i.test(path)) return undefined;
    refuseMethodOverride(request.message);
    if (path === OPENAPI_PATH) return undefined;
    const retryAfter = await failures.refusedFor();
    if (retryAfter !== undefined) {
      throw new SparkError(429, SparkCode.RateLimited, 'Too many refused attempts.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    requireUserAgent(request.message.headers);
    if (isGrant(path)) return undefined;
    let caller;
    try {
      caller = authenticate(db, request.message.headers);
    } catch (error) {
      if (error instanceof SparkError && error.code === SparkCode.Unauthorized) {
        await failures.count();
      }
      throw error;
    }
    const limit = caller.role === 'IDX' ? config.emulator.rateLimitIdx : config.emulator.rateLimit;
    limiter.take(caller.token, limit);
    return caller;
  };
}
export type Gate = ReturnType<typeof createGate>;

/** A handler's answer: a JSON value, or the bytes of one serialised already. */
export interface Answer {
  status?: number;
  body: unknown;
}

export interface Call<P, Q> {
  caller: Caller;
  params: P;
  query: Q;
  /** The parsed JSON body, if any: the handler checks it itself, after the caller's role. */
  body: unknown;
}

export interface SparkRoute {
  method: Method;
  /** Fastify's form: `/v1/portal/groups/:groupId`. */
  url: string;
  /** For Fastify's OpenAPI description (the adapters validate with `run`). */
  schema: FastifySchema;
  /** The body the handler parses, for the OpenAPI description. */
  body?: z.ZodType;
  /** Checks the answer of a 200 with SPARK_CHECK_ANSWERS. */
  response?: z.ZodType;
  /** Validates params and query string as they arrived, then answers. */
  run(caller: Caller, params: unknown, query: unknown, body: unknown): Answer;
}

/** For a route without path parameters or query string. */
export const noInput = z.object({});

const declared = (schema: z.ZodType) => schema !== noInput;

export function route<P extends z.ZodType, Q extends z.ZodType>(spec: {
  method: Method;
  url: string;
  summary: string;
  params: P;
  querystring: Q;
  response?: z.ZodType;
  body?: z.ZodType;
  handle(call: Call<z.output<P>, z.output<Q>>): Answer;
}): SparkRoute {
  const { params, querystring, response, handle } = spec;
  return {
    method: spec.method,
    url: spec.url,
    schema: {
      summary: spec.summary,
      ...(declared(params) ? { params } : {}),
      ...(declared(querystring) ? { querystring } : {}),
      ...(response ? { response: { 200: response } } : {}),
    },
    body: spec.body,
    response,
    run: (caller, rawParams, rawQuery, body) =>
      handle({
        caller,
        params: parseInput('params', params, rawParams),
        query: parseInput('querystring', querystring, rawQuery),
        body,
      }),
  };
}

/** An answer's bytes: as the handler made them, or its JSON (checked first when asked). */
export function serialise(route: SparkRoute, answer: Answer, checkAnswers: boolean): Buffer {
  if (Buffer.isBuffer(answer.body)) return answer.body;
  const schema = checkAnswers && (answer.status ?? 200) === 200 ? route.response : undefined;
  if (!schema) return Buffer.from(JSON.stringify(answer.body));
  const checked = z.safeEncode(schema, answer.body);
  if (!checked.success) {
    throw new Error(`The answer of ${route.method} ${route.url} does not match its schema`, {
      cause: checked.error,
    });
  }
  return Buffer.from(JSON.stringify(checked.data));
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export interface InProcessRequest {
  method: string;
  /** Under the API root: `/v1/...` with its query string. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: string;
  /** The address of the browser the sign-in server makes the call for (none: not counted). */
  clientIp?: string;
}

export interface InProcessAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  bytes: Buffer;
}

/**
 * A request handed in-process: answered by the route table when one of its routes takes it as
 * sent (undefined otherwise, for the HTTP adapter to answer).
 */
export type Dispatch = (request: InProcessRequest) => Promise<InProcessAnswer | undefined>;

const MAX_PARAM_LENGTH = 100;

interface Matcher {
  url: string;
  route: SparkRoute;
  pattern: RegExp;
  names: string[];
}

function matcherOf(route: SparkRoute): Matcher {
  const names: string[] = [];
  const source = route.url
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  // As routed with `ignoreTrailingSlash`.
  return { url: route.url, route, pattern: new RegExp(`^${source}/?$`), names };
}

const isJson = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

export function createDispatch(options: {
  routes: readonly SparkRoute[];
  gate: Gate;
  /** The refused attempts of the client a call is made for. */
  failuresOf(clientIp: string | undefined): AuthFailures;
  checkAnswers: boolean;
  bodyLimit: number;
  log: FastifyBaseLogger;
}): Dispatch {
  const { gate, failuresOf, checkAnswers, log } = options;
  // Static paths before parameters, as Fastify's router prefers them.
  const matchers = [...options.routes]
    .sort((a, b) => Number(a.url.includes(':')) - Number(b.url.includes(':')))
    .map(matcherOf);

  const answer = (status: number, bytes: Buffer, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'content-type': JSON_TYPE, ...lowerCased(headers) },
    bytes,
  });

  return async ({ method, pathAndQuery, headers, body, clientIp }) => {
    const queryAt = pathAndQuery.indexOf('?');
    const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
    // Percent-encoded paths, other methods and unknown paths are left to the HTTP adapter.
    if (path.includes('%')) return undefined;
    // The first URL that takes the path (as Fastify routes it), then that URL's method.
    const match = matchers.find((m) => m.pattern.test(path));
    const matcher = match && matchers.find((m) => m.url === match.url && m.route.method === method);
    const values = matcher?.pattern.exec(path)?.slice(1);
    // Longer parameters are not routed by Fastify at all (maxParamLength).
    if (!matcher || !values || values.some((value) => value.length > MAX_PARAM_LENGTH)) {
      return undefined;
    }
    const lowerHeaders = lowerCased(headers);
    const hasBody = method !== 'GET' && body !== undefined;
    if (
      hasBody &&
      (!isJson(lowerHeaders['content-type']) || Buffer.byteLength(body) > options.bodyLimit)
    ) {
      return undefined;
    }
    const { route, names } = matcher;
    try {
      const caller = await gate(
        { message: { method, headers: lowerHeaders }, path },
        failuresOf(clientIp),
      );
      if (!caller) return undefined;
      const parsedBody = hasBody ? parseJsonText(lowerHeaders['content-type'], body) : undefined;
      const params = Object.fromEntries(names.map((name, i) => [name, values[i]]));
      const query = parseQuery(queryAt === -1 ? '' : pathAndQuery.slice(queryAt + 1));
      const result = route.run(caller, params, query, parsedBody);
      return answer(result.status ?? 200, serialise(route, result, checkAnswers));
    } catch (error) {
      const spark = toSparkError(error);
      if (spark.status >= 500) log.error(error);
      return answer(
        spark.status,
        Buffer.from(JSON.stringify(spark.toBody())),
        spark.extra.headers ?? {},
      );
    }
  };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
