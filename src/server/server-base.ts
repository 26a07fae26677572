import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerFactory,
  type FastifyServerOptions,
} from 'fastify';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { parse as parseQueryString } from 'fast-querystring';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

export const BODY_LIMIT = 64 * 1024;
/** Room for 25 Ids joined by commas (`/v1/listingcarts/for/<Id>,<Id>,...`); longer routes nowhere. */
export const MAX_PARAM_LENGTH = 26 * 25 + 24;
const KEEP_ALIVE_MS = 5_000;

/** For answers sent before any hook runs (an undecodable path): nothing in them may load or frame. */
const LOCKED_DOWN_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** Query strings, parsed by a faster parser than Node's (the in-process dispatch routes with the same). */
const parseQuery = (query: string): Record<string, unknown> =>
  query.length === 0 ? {} : parseQueryString(query);

/** The id given to each request as it arrives, for Fastify's request to take. */
const requestIds = new WeakMap<IncomingMessage, string>();

export interface BaseOptions {
  /** Fastify's logger options (`loggerOptions` in request-log.ts); none by default. */
  logger?: FastifyServerOptions['logger'];
  /** Time to receive a whole request (headers within min(10 s, this)); none by default. */
  requestTimeoutMs?: number;
  trustProxy?: FastifyServerOptions['trustProxy'];
  /**
   * Work on the raw request before it is routed (the emulator's `X-HTTP-Method-Override`, which
   * changes the method and URL); the request is routed once it settles, dropped if it fails.
   */
  beforeRouting?: (req: IncomingMessage) => Promise<void> | undefined;
  /** Paths whose undecodable URLs are answered 404 with `body` (the API's envelope). */
  apiNotFound: { path: RegExp; body: unknown };
  /** PEM certificate and key: serve https. */
  tls?: { cert: Buffer; key: Buffer };
}

/**
 * The HTTP (or https) server: each request's id set on the raw response, so that answers sent
 * before any hook runs carry it too; the work asked for before routing; timeouts.
 */
function httpServer(options: BaseOptions): FastifyServerFactory {
  const { beforeRouting, tls, requestTimeoutMs } = options;
  return (handler) => {
    const listener = (req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      requestIds.set(req, id);
      res.setHeader('X-Request-Id', id);
      const pending = beforeRouting?.(req);
      if (!pending) return handler(req, res);
      pending.then(
        () => handler(req, res),
        () => res.destroy(),
      );
    };
    // A client that trickles its headers or body is cut off; idle keep-alive sockets close.
    const timeouts = requestTimeoutMs
      ? {
          requestTimeout: requestTimeoutMs,
          headersTimeout: Math.min(10_000, requestTimeoutMs),
          connectionsCheckingInterval: Math.min(5_000, requestTimeoutMs),
        }
      : {};
    // Fastify's instance type names the http server; an https one serves the same requests.
    const server = tls
      ? (createTlsServer({ ...tls, ...timeouts }, listener) as unknown as Server)
      : createServer(timeouts, listener);
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    return server;
  };
}

/**
 * A Fastify instance with what every server of this project shares: limits, the zod type
 * provider, an `X-Request-Id` on every response, and the work its caller asks for before
 * routing. It knows nothing of the emulator or the sign-in server: their parts come as options.
 */
export function createFastify(options: BaseOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    // Fastify's two lines per request give way to one (request-log.ts); errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Ids are opaque so no case folding.
    routerOptions: {
      ignoreTrailingSlash: true,
      querystringParser: parseQuery,
      maxParamLength: MAX_PARAM_LENGTH,
    },
    // A client's own X-Request-Id is not trusted: ours is unique.
    requestIdHeader: false,
    genReqId: (req) => requestIds.get(req) ?? randomUUID(),
    serverFactory: httpServer(options),
    // A path that cannot be decoded, or an over-long Id, names nothing: 404, in the API's envelope.
    frameworkErrors: (_error, request, reply: FastifyReply) => {
      reply.headers(LOCKED_DOWN_HEADERS);
      if (options.apiNotFound.path.test(request.url)) {
        return reply.code(404).send(options.apiNotFound.body);
      }
      return reply.code(400).send({ error: 'Bad request' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}
