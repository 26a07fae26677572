import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { JSON_TYPE, serialise, type Method, type SparkRoute } from '../route-table.js';
import { methodNotAllowed } from '../errors.js';
import { callerOf } from '../auth.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body a handler parses itself, for the OpenAPI description. */
    documentedBody?: z.ZodType;
  }
}

/** The methods a route may have, in the order `Allow` names them. */
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];
const ALL_METHODS = [...METHODS, 'PATCH', 'OPTIONS'] as const;

// Params and query string reach `run` as sent: it validates them, as it does in-process.
const asSent = () => (data: unknown) => ({ value: data });

/**
 * The route table on Fastify (its HTTP adapter): Fastify routes and parses the body, the
 * table's `run` does the rest. Every other method of a URI answers 405 with `Allow`.
 */
export function registerTable(
  app: FastifyInstance,
  routes: readonly SparkRoute[],
  checkAnswers: boolean,
): void {
  const urls = new Map<string, SparkRoute[]>();
  for (const route of routes) urls.set(route.url, [...(urls.get(route.url) ?? []), route]);
  for (const [url, endpoints] of urls) {
    for (const route of endpoints) {
      app.route({
        method: route.method,
        url,
        schema: route.schema,
        config: { documentedBody: route.body },
        validatorCompiler: asSent,
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const answer = route.run(callerOf(request), request.params, request.query, request.body);
          return reply
            .code(answer.status ?? 200)
            .type(JSON_TYPE)
            .send(serialise(route, answer, checkAnswers));
        },
      });
    }
    const allowed = METHODS.filter((method) => endpoints.some((route) => route.method === method));
    const refused = ALL_METHODS.filter((method) => !allowed.some((given) => given === method));
    app.route({
      method: allowed.includes('GET') ? refused : [...refused, 'HEAD'],
      url,
      schema: { hide: true },
      handler: async () => {
        throw methodNotAllowed(allowed);
      },
    });
  }
}
