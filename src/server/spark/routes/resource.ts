import type { FastifyInstance, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import { methodNotAllowed } from '../errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Handlers = Partial<
  Record<Method, RouteHandlerMethod | [RouteShorthandOptions, RouteHandlerMethod]>
>;

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** A URI with its handlers; every other method answers 405 with `Allow`. */
export function resource(app: FastifyInstance, url: string, handlers: Handlers): void {
  const allowed = (Object.keys(handlers) as Method[]).sort(
    (a, b) => ALL_METHODS.indexOf(a) - ALL_METHODS.indexOf(b),
  );
  for (const method of allowed) {
    const entry = handlers[method];
    if (!entry) continue;
    const [options, handler] = Array.isArray(entry) ? entry : [{}, entry];
    app.route({ ...options, method, url, handler });
  }
  const refused = ALL_METHODS.filter((method) => !(allowed as string[]).includes(method));
  app.route({
    method: allowed.includes('GET') ? refused : [...refused, 'HEAD'],
    url,
    handler: async () => {
      throw methodNotAllowed(allowed);
    },
  });
}
