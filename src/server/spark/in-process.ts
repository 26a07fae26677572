import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import FindMyWay from 'find-my-way';
import { toSparkError } from './errors.js';
import { routedPath, type AuthFailures, type Gate } from './gate.js';
import { JSON_TYPE, serialise, type SparkRoute } from './route-table.js';
import { parseJsonText } from './validation.js';

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

const isJson = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * Fastify's own router (find-my-way) over the same table, with the options Fastify routes with:
 * a request is taken in-process exactly when Fastify would route it to the table.
 */
function tableRouter(routes: readonly SparkRoute[], fastify: FastifyInstance['initialConfig']) {
  const router = FindMyWay({ caseSensitive: fastify.caseSensitive, ...fastify.routerOptions });
  const routed = () => undefined;
  for (const route of routes) router.on(route.method, route.url, routed, route);
  return (method: string, pathAndQuery: string) => {
    const found = router.find(method as FindMyWay.HTTPMethod, pathAndQuery);
    if (!found) return undefined;
    // find-my-way types a route's store as any: ours are the table's routes.
    const route: SparkRoute = found.store;
    return { route, params: found.params, query: found.searchParams };
  };
}

export function createDispatch(options: {
  routes: readonly SparkRoute[];
  /** The Fastify server the table is also registered on: its router options are used. */
  fastify: FastifyInstance['initialConfig'];
  gate: Gate;
  /** The refused attempts of the client a call is made for. */
  failuresOf(clientIp: string | undefined): AuthFailures;
  checkAnswers: boolean;
  bodyLimit: number;
  log: FastifyBaseLogger;
}): Dispatch {
  const { gate, failuresOf, checkAnswers, log } = options;
  const find = tableRouter(options.routes, options.fastify);

  const answer = (status: number, bytes: Buffer, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'content-type': JSON_TYPE, ...lowerCased(headers) },
    bytes,
  });

  return async ({ method, pathAndQuery, headers, body, clientIp }) => {
    // Other methods, unknown paths and undecodable ones are left to the HTTP adapter.
    const found = find(method, pathAndQuery);
    if (!found) return undefined;
    const lowerHeaders = lowerCased(headers);
    const hasBody = method !== 'GET' && body !== undefined;
    if (
      hasBody &&
      (!isJson(lowerHeaders['content-type']) || Buffer.byteLength(body) > options.bodyLimit)
    ) {
      return undefined;
    }
    const queryAt = pathAndQuery.indexOf('?');
    const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
    try {
      const caller = await gate(
        { message: { method, headers: lowerHeaders }, path: routedPath(path) },
        failuresOf(clientIp),
      );
      if (!caller) return undefined;
      const parsedBody = hasBody ? parseJsonText(lowerHeaders['content-type'], body) : undefined;
      const result = found.route.run(caller, found.params, found.query, parsedBody);
      return answer(result.status ?? 200, serialise(found.route, result, checkAnswers));
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
