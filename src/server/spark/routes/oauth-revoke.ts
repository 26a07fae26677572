import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../store/db.js';
import { findIssuedToken, revokeToken } from '../store/oauth.js';
import { checkClient, OAuthError, oauthText, refuseOtherMethods } from './oauth-grant.js';

export const REVOKE_PATH = '/v1/oauth2/revoke';

const revocationSchema = z.object({
  client_id: oauthText,
  client_secret: oauthText,
  token: oauthText,
  token_type_hint: z.enum(['access_token', 'refresh_token']).optional(),
});

/**
 * Token revocation as RFC 7009 describes it: the client that was issued a token ends it, and with
 * it the other token of its pair (access or refresh). Spark documents no such endpoint; the
 * emulator offers it so that signing out ends the tokens instead of only forgetting them.
 */
export function registerRevocationEndpoint(app: FastifyInstance, db: Db): void {
  refuseOtherMethods(app, REVOKE_PATH);

  app.post(
    REVOKE_PATH,
    {
      schema: {
        summary: 'Token revocation (RFC 7009; the emulator’s own, Spark documents none)',
        security: [],
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
      try {
        const parsed = revocationSchema.safeParse(request.body);
        if (!parsed.success) {
          throw new OAuthError('invalid_request', 'client_id, client_secret and token required.');
        }
        const { client_id, client_secret, token } = parsed.data;
        checkClient(db, client_id, client_secret);
        const issued = findIssuedToken(db, token);
        // An unknown, expired or already revoked token: nothing to do, and nothing to say (§2.2).
        if (!issued) return reply.code(200).send();
        if (issued.client_id !== client_id) {
          throw new OAuthError('unauthorized_client', 'The token was not issued to this client.');
        }
        revokeToken(db, issued.token_hash);
        return reply.code(200).send();
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        return reply
          .code(error.status)
          .send({ error: error.error, error_description: error.message });
      }
    },
  );
}
