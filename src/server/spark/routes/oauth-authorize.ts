import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isPortalDisabled } from '../store/accounts.js';
import type { Db } from '../store/db.js';
import {
  accountExists,
  insertCode,
  isRegisteredRedirect,
  newToken,
  signInAccounts,
} from '../store/oauth.js';
import { DISABLED_MESSAGE, oauthText as text } from './oauth-grant.js';
import { authorizePage, errorPage, sendHtml } from './oauth-pages.js';

const CODE_LIFETIME_MS = 5 * 60 * 1000;

const authorizeQuerySchema = z.object({
  response_type: text,
  client_id: text,
  redirect_uri: text,
  state: z.string().max(2000).optional(),
});

const authorizeFormSchema = authorizeQuerySchema.extend({ account: text });

/** The authorize page, and its form that signs a demo user in with a code (spec §5). */
export function registerAuthorizePage(app: FastifyInstance, db: Db): void {
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
}
