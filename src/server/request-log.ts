import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import pino from 'pino';

/** Log to stdout, or to a given stream (tests read it); none by default. */
export type LogTarget = boolean | { stream: NodeJS.WritableStream };

/** Never written to the log, wherever they appear in a logged object. */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.code',
  '*.state',
  '*.client_secret',
];

/**
 * An `onResponse` hook writing one line per request: method, route, path (never the query, which
 * can hold an OAuth code), status, time and request id (`reqId`), and Spark's own id when the
 * proxy relayed one. `skip` leaves out requests logged otherwise (one the server makes to itself).
 */
export const requestLogger =
  (options: { skip?: (request: FastifyRequest) => boolean } = {}) =>
  async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.skip?.(request)) return;
    const answeredId = reply.getHeader('x-request-id');
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(answeredId && answeredId !== request.id ? { sparkRequestId: answeredId } : {}),
      },
      'request',
    );
  };

/**
 * Standard output in writes of 4 kB, each line at most a second late and all of them flushed on
 * exit: one write per request cost the server 5–12 % of its CPU under load.
 */
function bufferedStdout(): pino.DestinationStream {
  const destination = pino.destination({ dest: 1, minLength: 4096, sync: false });
  setInterval(() => destination.flush(), 1000).unref();
  return destination;
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  statusCode?: unknown;
  cause?: unknown;
}

/**
 * An error as logged: its kind, message, status and stack, and its cause the same way; never its
 * other fields, which can hold what a client sent (Node's parse errors carry the raw bytes of the
 * request, cookies included) or the arguments of a store command.
 */
export function loggedError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: String(error), stack: '' };
  }
  const { name, message, stack, statusCode, cause } = error as ErrorLike;
  return {
    type: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : '',
    stack: typeof stack === 'string' ? stack : '',
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(cause !== undefined && depth < 5 ? { cause: loggedError(cause, depth + 1) } : {}),
  };
}

/** A request as logged (Fastify's own lines): never its headers or query string. */
const loggedRequest = (request: { id?: string; method?: string; url?: string }) => ({
  id: request.id,
  method: request.method,
  url: request.url?.split('?')[0],
});

const loggedReply = (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode });

/** The logger of either server (the app's, `npm run emulator`), the same at every level. */
export function loggerOptions(level: string, target: LogTarget | undefined) {
  if (!target) return false;
  return {
    level,
    redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
    serializers: { err: loggedError, error: loggedError, req: loggedRequest, res: loggedReply },
    stream: typeof target === 'object' ? target.stream : bufferedStdout(),
  } satisfies FastifyServerOptions['logger'];
}
