import type { FastifyReply, FastifyRequest } from 'fastify';

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
