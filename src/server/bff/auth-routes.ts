import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { refuseCrossSiteWrites } from './guards.js';
import type { SessionCookie } from './session-cookie.js';
import type { SessionStore } from './sessions.js';
import type { SparkClient } from './spark-client.js';

export interface AuthRoutesOptions {
  config: Config;
  sessions: SessionStore;
  cookie: SessionCookie;
  spark: SparkClient;
}

const DEFAULT_RETURN_TO = '/groups';

const loginQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });
const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
});

/** Only a same-origin path (`/x`, not `//host` or `/\host`) is a place to come back to. */
export function safeReturnTo(value: string | undefined, publicOrigin: string): string {
  if (!value || !value.startsWith('/') || /^\/[/\\]/.test(value) || /[\\\p{Cc}]/u.test(value)) {
    return DEFAULT_RETURN_TO;
  }
  const url = new URL(value, publicOrigin);
  if (url.origin !== publicOrigin) return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}

const sameText = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** /auth/login, /auth/callback, /auth/session and /auth/logout (spec app.md §1). */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (
  app,
  { config, sessions, cookie, spark },
) => {
  const publicOrigin = new URL(config.publicUrl).origin;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  const signedOut = (reply: FastifyReply, reason: string) => {
    cookie.clear(reply);
    return reply.redirect(`/signed-out?error=${encodeURIComponent(reason)}`, 302);
  };

  app.get('/auth/login', async (request, reply) => {
    const query = loginQuerySchema.safeParse(request.query);
    const returnTo = safeReturnTo(query.success ? query.data.returnTo : undefined, publicOrigin);
    // Already signed in: a link to /auth/login (even from another site) must not sign anyone out.
    const current = cookie.session(request);
    if (current?.tokens && current.user) return reply.redirect(returnTo, 302);
    if (current) sessions.delete(current.id);
    const state = randomBytes(32).toString('base64url');
    cookie.set(reply, sessions.startSignIn(state, returnTo));
    return reply.redirect(spark.authorizeUrl(state), 302);
  });

  app.get('/auth/callback', async (request, reply) => {
    const query = callbackQuerySchema.safeParse(request.query);
    const session = cookie.session(request);
    if (!session?.oauthState) return signedOut(reply, 'state');
    // The sign-in session is single use: whatever happens next, its state is gone.
    sessions.delete(session.id);
    if (!query.success || !query.data.state || !sameText(query.data.state, session.oauthState)) {
      return signedOut(reply, 'state');
    }
    // Only a fixed word reaches the app, never the provider's own text.
    if (query.data.error === 'access_denied') return signedOut(reply, 'denied');
    if (query.data.error || !query.data.code) return signedOut(reply, 'signin');
    try {
      const tokens = await spark.exchangeCode(query.data.code);
      const user = await spark.myAccount(tokens.accessToken);
      cookie.set(reply, sessions.createSignedIn(tokens, user));
    } catch (error) {
      request.log.warn({ err: error }, 'sign-in failed');
      return signedOut(reply, 'signin');
    }
    return reply.redirect(session.returnTo ?? DEFAULT_RETURN_TO, 302);
  });

  app.get('/auth/session', async (request, reply) => {
    const session = cookie.session(request);
    if (!session?.tokens || !session.user) return reply.code(401).send({ error: 'Not signed in' });
    return session.user;
  });

  app.post(
    '/auth/logout',
    { onRequest: refuseCrossSiteWrites(publicOrigin) },
    async (request, reply) => {
      const id = cookie.sessionId(request);
      if (id) sessions.delete(id);
      cookie.clear(reply);
      return reply.code(204).send();
    },
  );
};
