import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import type { Caller } from './auth.js';
import { parseInput } from './validation.js';

/**
 * What the emulator's routes are: a table of plain functions taking `(caller, params, query,
 * body)`, declared with `route()` (routes/table.ts lists them all), and the serialisation of
 * their answers. Two adapters serve the table: Fastify's routes over HTTP (routes/resource.ts)
 * and the in-process dispatch for the sign-in server in the same process (in-process.ts).
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

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

/** Kept answers (store/read-cache.ts) already checked: each is sent again and again unchanged. */
const checkedBytes = new WeakSet<Buffer>();

function check(route: SparkRoute, ok: boolean, error: unknown) {
  if (!ok) {
    throw new Error(`The answer of ${route.method} ${route.url} does not match its schema`, {
      cause: error,
    });
  }
}

/**
 * An answer's bytes: as the handler made them, or its JSON. With SPARK_CHECK_ANSWERS, a 200 is
 * checked against the route's schema first: an object as it is encoded, bytes made earlier (a
 * kept answer) as they read back, once per kept copy.
 */
export function serialise(route: SparkRoute, answer: Answer, checkAnswers: boolean): Buffer {
  const schema = checkAnswers && (answer.status ?? 200) === 200 ? route.response : undefined;
  if (Buffer.isBuffer(answer.body)) {
    const bytes = answer.body;
    if (schema && !checkedBytes.has(bytes)) {
      const read = schema.safeDecode(JSON.parse(bytes.toString('utf8')));
      check(route, read.success, read.error);
      checkedBytes.add(bytes);
    }
    return bytes;
  }
  if (!schema) return Buffer.from(JSON.stringify(answer.body));
  const checked = z.safeEncode(schema, answer.body);
  check(route, checked.success, checked.error);
  return Buffer.from(JSON.stringify(checked.data));
}

export const JSON_TYPE = 'application/json; charset=utf-8';
