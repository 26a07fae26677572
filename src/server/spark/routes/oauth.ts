import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../config.js';
import type { Db } from '../store/db.js';
import type { SparkEmulatorOptions } from '../plugin.js';
import { methodNotAllowed, SparkError } from '../errors.js';

const CODE_LIFETIME_MS = 5 * 60 * 1000;
const GRANT_PATH = '/v1/oauth2/grant';

const newToken = () => randomBytes(32).toString('base64url');

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

interface ClientRow {
  client_id: string;
  client_secret: string;
  redirect_uris: string;
}

interface AccountRow {
  id: string;
  name: string;
  role: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
ul{list-style:none;padding:0}li{margin:.5rem 0}form{display:flex;gap:.75rem;align-items:center}
button{font:inherit;padding:.5rem 1rem;border:1px solid #1864ab;background:#1864ab;color:#fff;border-radius:4px;cursor:pointer}
button:focus-visible{outline:3px solid #f08c00;outline-offset:2px}.role{color:#495057}`;

function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function errorPage(message: string): string {
  return htmlDocument(
    'Sign-in error · Spark emulator',
    `<h1>Sign-in error</h1><p>${escapeHtml(message)}</p><p>No one was signed in.</p>`,
  );
}

const roleLabel: Record<string, string> = {
  Private: 'Private (agent)',
  VOW: 'VOW (consumer)',
  Portal: 'Portal (consumer)',
  IDX: 'IDX',
  Public: 'Public',
};

function authorizePage(input: {
  action: string;
  fields: Record<string, string>;
  accounts: AccountRow[];
}): string {
  const hidden = Object.entries(input.fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const items = input.accounts
    .map(
      (a) => `<li><form method="post" action="${escapeHtml(input.action)}">${hidden}
<input type="hidden" name="account" value="${escapeHtml(a.id)}">
<button type="submit">Sign in as ${escapeHtml(a.name)}</button>
<span class="role">${escapeHtml(roleLabel[a.role] ?? a.role)}</span></form></li>`,
    )
    .join('\n');
  return htmlDocument(
    'Sign in · Spark emulator',
    `<h1>Sign in to the Spark emulator</h1>
<p>Choose a demo user. The application will receive access to the Spark API as that user.</p>
<ul>${items}</ul>`,
  );
}

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

function registeredClient(db: Db, clientId: string, redirectUri: string): ClientRow | undefined {
  const client = db
    .prepare(
      'SELECT client_id, client_secret, redirect_uris FROM oauth_clients WHERE client_id = ?',
    )
    .get(clientId) as ClientRow | undefined;
  if (!client) return undefined;
  const uris = JSON.parse(client.redirect_uris) as string[];
  return uris.includes(redirectUri) ? client : undefined;
}

function sendHtml(reply: FastifyReply, status: number, html: string, formTarget?: string) {
  const formAction = formTarget ? `'self' ${new URL(formTarget).origin}` : "'self'";
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .header(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    )
    .type('text/html; charset=utf-8')
    .send(html);
}

function issueTokens(db: Db, accountId: string, clientId: string, lifetimeSeconds: number) {
  const tokens = { access_token: newToken(), refresh_token: newToken() };
  db.prepare(
    `INSERT INTO access_tokens (token, account_id, client_id, refresh_token, expires_at, revoked)
     VALUES (?, ?, ?, ?, ?, 0)`,
  ).run(
    tokens.access_token,
    accountId,
    clientId,
    tokens.refresh_token,
    Date.now() + lifetimeSeconds * 1000,
  );
  return { ...tokens, expires_in: lifetimeSeconds };
}

/** The emulator's OAuth 2 pages and token endpoint (spec §5). */
export const oauthRoutes: FastifyPluginAsync<SparkEmulatorOptions> = async (
  app,
  { db, config },
) => {
  db.prepare(
    `INSERT INTO oauth_clients (client_id, client_secret, name, redirect_uris)
     VALUES (?, ?, 'Portal Groups Admin (demo)', ?)
     ON CONFLICT(client_id) DO UPDATE SET
       client_secret = excluded.client_secret, redirect_uris = excluded.redirect_uris`,
  ).run(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, JSON.stringify([`${config.publicUrl}/auth/callback`]));

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, parseForm(body as string)),
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

  const accounts = db.prepare(`SELECT id, name, role FROM accounts
     ORDER BY CASE role WHEN 'Private' THEN 0 WHEN 'VOW' THEN 1 WHEN 'Portal' THEN 2 ELSE 3 END, name, id`);

  app.get('/oauth2', async (request, reply) => {
    const query = authorizeQuerySchema.safeParse(request.query);
    if (!query.success) return sendHtml(reply, 400, errorPage('The sign-in link is incomplete.'));
    const { response_type, client_id, redirect_uri, state } = query.data;
    if (!registeredClient(db, client_id, redirect_uri)) {
      return sendHtml(reply, 400, errorPage('Unknown application or redirect address.'));
    }
    if (response_type !== 'code') {
      return sendHtml(reply, 400, errorPage('Only response_type=code is supported.'));
    }
    const page = authorizePage({
      action: request.url.split('?')[0] ?? '/spark/oauth2',
      fields: { response_type, client_id, redirect_uri, state: state ?? '' },
      accounts: accounts.all() as AccountRow[],
    });
    return sendHtml(reply, 200, page, redirect_uri);
  });

  app.post('/oauth2', async (request, reply) => {
    const form = authorizeFormSchema.safeParse(request.body);
    if (!form.success) return sendHtml(reply, 400, errorPage('The sign-in form is incomplete.'));
    const { response_type, client_id, redirect_uri, state, account } = form.data;
    if (response_type !== 'code' || !registeredClient(db, client_id, redirect_uri)) {
      return sendHtml(reply, 400, errorPage('Unknown application or redirect address.'));
    }
    if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(account)) {
      return sendHtml(reply, 400, errorPage('Unknown user.'));
    }
    const code = newToken();
    db.prepare(
      `INSERT INTO oauth_codes (code, client_id, redirect_uri, account_id, expires_at, used)
       VALUES (?, ?, ?, ?, ?, 0)`,
    ).run(code, client_id, redirect_uri, account, Date.now() + CODE_LIFETIME_MS);
    const target = new URL(redirect_uri);
    target.searchParams.set('code', code);
    if (state) target.searchParams.set('state', state);
    return reply.header('Cache-Control', 'no-store').redirect(target.toString(), 302);
  });

  const exchangeCode = db.transaction((clientId: string, body: unknown) => {
    const parsed = codeGrantSchema.safeParse(body);
    if (!parsed.success) throw new OAuthError('invalid_request', 'code and redirect_uri required.');
    const row = db.prepare('SELECT * FROM oauth_codes WHERE code = ?').get(parsed.data.code) as
      | {
          client_id: string;
          redirect_uri: string;
          account_id: string;
          expires_at: number;
          used: number;
        }
      | undefined;
    if (
      !row ||
      row.used ||
      row.expires_at <= Date.now() ||
      row.client_id !== clientId ||
      row.redirect_uri !== parsed.data.redirect_uri
    ) {
      throw new OAuthError('invalid_grant', 'The code is invalid, expired or already used.');
    }
    db.prepare('UPDATE oauth_codes SET used = 1 WHERE code = ?').run(parsed.data.code);
    return issueTokens(db, row.account_id, clientId, config.emulator.tokenLifetimeSeconds);
  });

  const refresh = db.transaction((clientId: string, body: unknown) => {
    const parsed = refreshGrantSchema.safeParse(body);
    if (!parsed.success) throw new OAuthError('invalid_request', 'refresh_token required.');
    const row = db
      .prepare(
        'SELECT token, account_id FROM access_tokens WHERE refresh_token = ? AND client_id = ? AND revoked = 0',
      )
      .get(parsed.data.refresh_token, clientId) as
      { token: string; account_id: string } | undefined;
    if (!row) throw new OAuthError('invalid_grant', 'The refresh token is invalid or revoked.');
    db.prepare('UPDATE access_tokens SET revoked = 1 WHERE token = ?').run(row.token);
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

  app.post(GRANT_PATH, async (request, reply) => {
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
      const client = db
        .prepare('SELECT client_secret FROM oauth_clients WHERE client_id = ?')
        .get(client_id) as { client_secret: string } | undefined;
      if (!client || !sameSecret(client.client_secret, client_secret)) {
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
  });
};
