import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';

/**
 * Helmet's headers for these options, worked out once. Helmet builds its middleware anew for each
 * call, and `@fastify/helmet` calls it on every request (5–7 % of the sign-in server's CPU under
 * load); none of our options depends on the request, so the answer is the same every time.
 */
export function securityHeaders(options: HelmetOptions): OutgoingHttpHeaders {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(options)(request, response, (error) => {
    if (error) throw error;
  });
  return response.getHeaders();
}

/** Of helmet's headers, those that govern a script, a style sheet or an image. */
const SUBRESOURCE_HEADERS = [
  'x-content-type-options',
  'cross-origin-resource-policy',
  'strict-transport-security',
];

/**
 * Sends helmet's headers, worked out once, with every answer of `app`. Under `assetsPrefix` (the
 * built app's scripts and styles, never a page) only the headers that govern such a file: the
 * others (CSP, framing, opener, referrer...) apply to documents, and cost a phone some 600 bytes
 * on each of a first visit's requests.
 */
export function addSecurityHeaders(
  app: FastifyInstance,
  options: HelmetOptions,
  assetsPrefix?: string,
): void {
  const headers = securityHeaders(options);
  const assetHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => SUBRESOURCE_HEADERS.includes(name.toLowerCase())),
  );
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(assetsPrefix && request.url.startsWith(assetsPrefix) ? assetHeaders : headers);
    done();
  });
}
