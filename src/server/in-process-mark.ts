import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * Requests the sign-in server hands to its embedded emulator in the same process. They are marked
 * with a value known only inside this process, so no request from outside can pass for one.
 */
const MARK_HEADER = 'x-pga-in-process';
const MARK = randomUUID();
/** The address of the browser an in-process request is made for. */
const CLIENT_HEADER = 'x-pga-client-address';

/** The headers that mark an in-process request made for the client at `clientIp` (or none). */
export function inProcessHeaders(clientIp: string | undefined): Record<string, string> {
  return { [MARK_HEADER]: MARK, ...(clientIp === undefined ? {} : { [CLIENT_HEADER]: clientIp }) };
}

/** A request the sign-in server handed to its embedded emulator (the outer request is logged). */
export function isInProcess(request: Pick<FastifyRequest, 'headers'>): boolean {
  return request.headers[MARK_HEADER] === MARK;
}

/**
 * The address a request's refused attempts count against: its client's, or for an in-process
 * request, the address of the browser the sign-in server made it for (undefined when it made it
 * for no one, e.g. the readiness probe: not counted). Never the server's own loopback address,
 * which every in-process request would share.
 */
export function clientAddressOf(
  request: Pick<FastifyRequest, 'headers' | 'ip'>,
): string | undefined {
  if (!isInProcess(request)) return request.ip;
  const client = request.headers[CLIENT_HEADER];
  return typeof client === 'string' ? client : undefined;
}
