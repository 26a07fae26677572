import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../config.js';
import type { SparkEmulatorOptions } from '../plugin.js';
import { methodNotAllowed, SparkError } from '../errors.js';
import { isPortalDisabled } from '../store/accounts.js';
import {
  accountExists,
  clientSecret,
  findByRefreshToken,
  findCode,
  insertCode,
  isRegisteredRedirect,
  issueTokens,
  markCodeUsed,
  newToken,
  registerClient,
  revokeToken,
  signInAccounts,
} from '../store/oauth.js';
import { authorizePage, errorPage, sendHtml } from './oauth-pages.js';

const CODE_LIFETIME_MS = 5 * 60 * 1000;
const GRANT_PATH = '/v1/oauth2/grant';
const DISABLED_MESSAGE = 'This user’s portal account is disabled, so they cannot sign in.';

const text = z.string().min(1).max(2000);

const authorizeQuerySchema = z.object({
  response_type: text,
  client_id: text,
  redirect_uri: text,
  state: z.string().max(2000).optional(),
});

const authorizeFormSchema = authorizeQuerySchema.extend({ account: text });

const clientCredentialsSchema = z.object({
  client_id: text,
  client_secret: text,
  grant_type: text,
});
const codeGrantSchema = z.object({ code: text, redirect_uri: text });
const refreshGrantSchema = z.object({ refresh_token: text });

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The emulator's OAuth 2 pages and token endpoint (spec §5). */
export const oauthRoutes: FastifyPluginAsync<SparkEmulatorOptions> = async (
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

  app.get(
    '/oauth2',
    { schema: { summary: 'Authorize page (HTML)', security: [] } },
    async (request, reply) => {
      const query = authorizeQuerySchema.safeParse(request.query);
      if (!query.success) return sendHtml(reply, 400, errorPage('The sign-in link is incomplete.'));
      const { response_type, client_id, redirect_uri, state } = query.data;
      if (!isRegisteredRedirect(db, client_id, redirect_uri)) {
        return sendHtml(reply, 400, errorPage('Unknown application or redirect address.'));
      }
      if (response_type !== 'code') {
        return sendHtml(reply, 400, errorPage('Only response_type=code is supported.'));
      }
      const page = authorizePage({
        action: request.url.split('?')[0] ?? '/spark/oauth2',
        fields: { response_type, client_id, redirect_uri, state: state ?? '' },
        accounts: signInAccounts(db),
      });
      return sendHtml(reply, 200, page, redirect_uri);
    },
  );

  app.post(
    '/oauth2',
    { schema: { summary: 'Choose the user to sign in as (form)', security: [] } },
    async (request, reply) => {
      const form = authorizeFormSchema.safeParse(request.body);
      if (!form.success) return sendHtml(reply, 400, errorPage('The sign-in form is incomplete.'));
      const { response_type, client_id, redirect_uri, state, account } = form.data;
      if (response_type !== 'code' || !isRegisteredRedirect(db, client_id, redirect_uri)) {
        return sendHtml(reply, 400, errorPage('Unknown application or redirect address.'));
      }
      if (!accountExists(db, account)) {
        return sendHtml(reply, 400, errorPage('Unknown user.'));
      }
      if (isPortalDisabled(db, account)) {
        return sendHtml(reply, 403, errorPage(DISABLED_MESSAGE));
      }
      const code = newToken();
      insertCode(db, {
        code,
        clientId: client_id,
        redirectUri: redirect_uri,
        accountId: account,
        expiresAt: Date.now() + CODE_LIFETIME_MS,
      });
      const target = new URL(redirect_uri);
      target.searchParams.set('code', code);
      if (state) target.searchParams.set('state', state);
      return reply.header('Cache-Control', 'no-store').redirect(target.toString(), 302);
    },
  );

  const exchangeCode = db.transaction((clientId: string, body: unknown) => {
    const parsed = codeGrantSchema.safeParse(body);
    if (!parsed.success) throw new OAuthError('invalid_request', 'code and redirect_uri required.');
    const row = findCode(db, parsed.data.code);
    if (
      !row ||
      row.used ||
      row.expires_at <= Date.now() ||
      row.client_id !== clientId ||
      row.redirect_uri !== parsed.data.redirect_uri
    ) {
      throw new OAuthError('invalid_grant', 'The code is invalid, expired or already used.');
    }
    markCodeUsed(db, parsed.data.code);
    if (isPortalDisabled(db, row.account_id))
      throw new OAuthError('invalid_grant', DISABLED_MESSAGE);
    return issueTokens(db, row.account_id, clientId, config.emulator.tokenLifetimeSeconds);
  });

  const refresh = db.transaction((clientId: string, body: unknown) => {
    const parsed = refreshGrantSchema.safeParse(body);
    if (!parsed.success) throw new OAuthError('invalid_request', 'refresh_token required.');
    const row = findByRefreshToken(db, parsed.data.refresh_token, clientId);
    if (!row) throw new OAuthError('invalid_grant', 'The refresh token is invalid or revoked.');
    if (isPortalDisabled(db, row.account_id))
      throw new OAuthError('invalid_grant', DISABLED_MESSAGE);
    revokeToken(db, row.token);
    return issueTokens(db, row.account_id, clientId, config.emulator.tokenLifetimeSeconds);
  });

  app.route({
    method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: GRANT_PATH,
    handler: async (_request, reply) => {
      const refused = methodNotAllowed(['POST']);
      return reply
        .code(405)
        .headers(refused.extra.headers ?? {})
        .send(refused.toBody());
    },
  });

  app.post(
    GRANT_PATH,
    { schema: { summary: 'Token endpoint (OAuth 2)', security: [] } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
      try {
        const credentials = clientCredentialsSchema.safeParse(request.body);
        if (!credentials.success) {
          throw new OAuthError(
            'invalid_request',
            'client_id, client_secret and grant_type required.',
          );
        }
        const { client_id, client_secret, grant_type } = credentials.data;
        const secret = clientSecret(db, client_id);
        if (secret === undefined || !sameSecret(secret, client_secret)) {
          throw new OAuthError('invalid_client', 'Unknown client or wrong secret.', 401);
        }
        if (grant_type === 'authorization_code') return exchangeCode(client_id, request.body);
        if (grant_type === 'refresh_token') return refresh(client_id, request.body);
        throw new OAuthError('unsupported_grant_type', `Unsupported grant_type.`);
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        return reply
          .code(error.status)
          .send({ error: error.error, error_description: error.message });
      }
    },
  );
};
