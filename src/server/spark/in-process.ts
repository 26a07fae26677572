import type { FastifyBaseLogger } from 'fastify';
import { parseQuery } from '../server-base.js';
import { toSparkError } from './errors.js';
import type { AuthFailures, Gate } from './gate.js';
import { JSON_TYPE, serialise, type SparkRoute } from './route-table.js';
import { parseJsonText } from './validation.js';

export interface InProcessRequest {
  method: string;
  /** Under the API root: `/v1/...` with its query string. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: string;
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
  failures: AuthFailures;
  checkAnswers: boolean;
  bodyLimit: number;
  log: FastifyBaseLogger;
}): Dispatch {
  const { gate, failures, checkAnswers, log } = options;
  // Static paths before parameters, as Fastify's router prefers them.
  const matchers = [...options.routes]
    .sort((a, b) => Number(a.url.includes(':')) - Number(b.url.includes(':')))
    .map(matcherOf);

  const answer = (status: number, bytes: Buffer, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'content-type': JSON_TYPE, ...lowerCased(headers) },
    bytes,
  });

  return async ({ method, pathAndQuery, headers, body }) => {
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
      const caller = await gate({ message: { method, headers: lowerHeaders }, path }, failures);
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
