import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { sameText } from '../../same-text.js';
import { methodNotAllowed } from '../errors.js';
import { isPortalDisabled } from '../store/accounts.js';
import type { Db } from '../store/db.js';
import {
  clientSecret,
  findByRefreshToken,
  findCode,
  issueTokens,
  markCodeUsed,
  revokeToken,
} from '../store/oauth.js';

export const GRANT_PATH = '/v1/oauth2/grant';
export const DISABLED_MESSAGE = 'This user’s portal account is disabled, so they cannot sign in.';

/** A form field of the OAuth pages and the token endpoint. */
export const oauthText = z.string().min(1).max(2000);

const clientCredentialsSchema = z.object({
  client_id: oauthText,
  client_secret: oauthText,
  grant_type: oauthText,
});
const codeGrantSchema = z.object({ code: oauthText, redirect_uri: oauthText });
const refreshGrantSchema = z.object({ refresh_token: oauthText });

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

/** Refuses (401 invalid_client) an unknown client or a wrong secret. */
export function checkClient(db: Db, clientId: string, givenSecret: string): void {
  const secret = clientSecret(db, clientId);
  if (secret === undefined || !sameText(secret, givenSecret)) {
    throw new OAuthError('invalid_client', 'Unknown client or wrong secret.', 401);
  }
}

/** Answers a POST-only endpoint's other methods: 405, in the API's envelope. */
export function refuseOtherMethods(app: FastifyInstance, url: string): void {
  app.route({
    method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url,
    handler: async (_request, reply) => {
      const refused = methodNotAllowed(['POST']);
      return reply
        .code(405)
        .headers(refused.extra.headers ?? {})
        .send(refused.toBody());
    },
  });
}

/** The token endpoint: a code or a refresh token exchanged for tokens (spec §5). */
export function registerTokenEndpoint(app: FastifyInstance, db: Db, config: Config): void {
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
    revokeToken(db, row.token_hash);
    return issueTokens(db, row.account_id, clientId, config.emulator.tokenLifetimeSeconds);
  });

  refuseOtherMethods(app, GRANT_PATH);

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
        checkClient(db, client_id, client_secret);
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
}
