import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { methodNotAllowed } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body a handler parses itself, for the OpenAPI description. */
    documentedBody?: z.ZodType;
  }
}

/** The methods an endpoint may have, in the order `Allow` names them. */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

type ZodHandler<S extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;

export interface Endpoint {
  schema: FastifySchema;
  /** The body `parseBody` checks in the handler (after the role checks), published in the OpenAPI description. */
  body?: z.ZodType;
  handler: RouteHandlerMethod;
}

/**
 * One method of a URI: `params` and `querystring` are validated by the type provider (typed in
 * the handler); a body is parsed by the handler itself so that a role is refused before its body.
 */
export function endpoint<S extends FastifySchema>(
  schema: S,
  handler: ZodHandler<S>,
  body?: z.ZodType,
): Endpoint {
  // Needed: the type provider has checked the handler against this very schema; the route
  // table holds handlers of every schema.
  return { schema, body, handler: handler as unknown as RouteHandlerMethod };
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** A URI with its endpoints; every other method answers 405 with `Allow`. */
export function resource(
  app: FastifyInstance,
  url: string,
  endpoints: Partial<Record<Method, Endpoint>>,
): void {
  const allowed = METHODS.filter((method) => Object.hasOwn(endpoints, method));
  for (const method of allowed) {
    const entry = endpoints[method];
    if (!entry) continue;
    app.route({
      method,
      url,
      schema: entry.schema,
      config: { documentedBody: entry.body },
      handler: entry.handler,
    });
  }
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
