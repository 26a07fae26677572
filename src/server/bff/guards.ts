import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SparkFailure } from '../../shared/envelope.js';
import { SparkCode } from '../../shared/spark-codes.js';

export const APP_REQUEST_HEADER = 'x-requested-with';
export const APP_REQUEST_VALUE = 'PortalGroupsAdmin';

/** The answer for an agent the session does not hold (the app drops it). */
export const AGENT_GONE_MESSAGE = 'That agent is no longer in your session.';

export function failure(code: number, message: string): SparkFailure {
  return { D: { Success: false, Code: code, Message: message } };
}

const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * CSRF guard for state-changing requests: the app's own fetch layer always sends the custom
 * header (which a cross-site form cannot), and a browser's Origin, when sent, must be ours.
 */
export function refuseCrossSiteWrites(publicOrigin: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (isSafeMethod(request.method)) return;
    const origin = request.headers.origin;
    if (
      request.headers[APP_REQUEST_HEADER] !== APP_REQUEST_VALUE ||
      (origin !== undefined && origin !== publicOrigin)
    ) {
      return reply
        .code(403)
        .header('Cache-Control', 'no-store')
        .send(failure(SparkCode.RoleForbidden, 'Cross-origin request refused'));
    }
  };
}
