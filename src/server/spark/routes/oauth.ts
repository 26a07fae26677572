import type { FastifyPluginAsync } from 'fastify';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type Config } from '../../config.js';
import { SparkError } from '../errors.js';
import type { Db } from '../store/db.js';
import { registerClient } from '../store/oauth.js';
import { registerAuthorizePage } from './oauth-authorize.js';
import { GRANT_PATH, registerTokenEndpoint } from './oauth-grant.js';
import { errorPage, sendHtml } from './oauth-pages.js';

function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The emulator's OAuth 2 pages and token endpoint (spec §5). */
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
    if (request.url.split('?')[0]?.endsWith(GRANT_PATH)) {
      if (error instanceof SparkError && status === 429) {
        return reply
          .code(429)
          .headers(error.extra.headers ?? {})
          .send({ error: 'slow_down', error_description: 'Too many refused attempts.' });
      }
      return reply.code(status === 500 ? 500 : 400).send({
        error: status === 500 ? 'server_error' : 'invalid_request',
        error_description: status === 500 ? 'Unexpected error.' : 'The request body is invalid.',
      });
    }
    return sendHtml(reply, status, errorPage('The sign-in request could not be processed.'));
  });

  registerAuthorizePage(app, db);
  registerTokenEndpoint(app, db, config);
};
