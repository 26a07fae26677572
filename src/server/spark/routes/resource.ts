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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
  // The type provider has checked the handler against this very schema.
  return { schema, body, handler: handler as unknown as RouteHandlerMethod };
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** A URI with its endpoints; every other method answers 405 with `Allow`. */
export function resource(
  app: FastifyInstance,
  url: string,
  endpoints: Partial<Record<Method, Endpoint>>,
): void {
  const allowed = (Object.keys(endpoints) as Method[]).sort(
    (a, b) => ALL_METHODS.indexOf(a) - ALL_METHODS.indexOf(b),
  );
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
  const refused = ALL_METHODS.filter((method) => !(allowed as string[]).includes(method));
  app.route({
    method: allowed.includes('GET') ? refused : [...refused, 'HEAD'],
    url,
    schema: { hide: true },
    handler: async () => {
      throw methodNotAllowed(allowed);
    },
  });
}
