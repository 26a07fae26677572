import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type Config } from '../../config.js';
import { toSparkError } from '../errors.js';
import type { Db } from '../store/db.js';
import { registerClient } from '../store/oauth.js';
import { registerAuthorizePage } from './oauth-authorize.js';
import { registerTokenEndpoint } from './oauth-grant.js';
import { registerRevocationEndpoint } from './oauth-revoke.js';
import { isTokenEndpoint, routedPath } from '../gate.js';
import { errorPage, sendHtml } from './oauth-pages.js';

function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * A refusal before the token endpoint's handler (no X-SparkApi-User-Agent, an unreadable body,
 * too many refused attempts...) in the OAuth form, its description naming the cause.
 */
function sendGrantRefusal(error: unknown, reply: FastifyReply) {
  const refused = toSparkError(error);
  const headers = refused.extra.headers ?? {};
  if (refused.status >= 500) {
    return reply
      .code(500)
      .send({ error: 'server_error', error_description: 'An unexpected error occurred.' });
  }
  if (refused.status === 429) {
    return reply
      .code(429)
      .headers(headers)
      .send({ error: 'slow_down', error_description: refused.message });
  }
  const unsupportedType =
    (error as { code?: unknown } | null)?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  return reply
    .code(refused.status)
    .headers(headers)
    .send({
      error: 'invalid_request',
      error_description: unsupportedType
        ? 'The request body must be sent as application/json or application/x-www-form-urlencoded.'
        : refused.message,
    });
}

/** The emulator's OAuth 2 pages, token endpoint (spec §5) and token revocation. */
export const oauthRoutes: FastifyPluginAsync<{ db: Db; config: Config }> = async (
  app,
  { db, config },
) => {
  registerClient(db, {
    id: DEMO_CLIENT_ID,
    secret: DEMO_CLIENT_SECRET,
    name: 'Portal Groups Admin (demo)',
    redirectUris: config.emulator.redirectUris,
  });

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, parseForm(body.toString())),
    );
  }

  app.setErrorHandler((error: { statusCode?: number; status?: number }, request, reply) => {
    const given = error.statusCode ?? error.status;
    const status = given && given >= 400 && given < 500 ? given : 500;
    if (status === 500) request.log.error(error);
    if (isTokenEndpoint(routedPath(request.url).slice(app.prefix.length))) {
      return sendGrantRefusal(error, reply);
    }
    return sendHtml(reply, status, errorPage('The sign-in request could not be processed.'));
  });

  registerAuthorizePage(app, db);
  registerTokenEndpoint(app, db, config);
  registerRevocationEndpoint(app, db);
};
