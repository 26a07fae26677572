import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { refuseCrossSiteWrites } from './guards.js';
import type { SessionCookie } from './session-cookie.js';
import { StoreUnavailable, type SessionStore } from './store/session-store.js';
import type { SparkClient } from './spark-client.js';

/** Anonymous sign-in attempts of the request's client address (counted unless `increment: false`). */
export type SignInLimit = (
  request: FastifyRequest,
  options?: { increment: boolean },
) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
  remaining?: number;
  ttlInSeconds?: number;
}>;

export interface AuthRoutesOptions {
  config: Config;
  sessions: SessionStore;
  cookie: SessionCookie;
  spark: SparkClient;
  signInLimit: SignInLimit;
}

const DEFAULT_RETURN_TO = '/groups';

const loginQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });
const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
});

/**
 * A place on this app to come back to after sign-in. Judged after the URL is normalised the way
 * a browser will (`/..//x` becomes `//x`, a host): only a same-origin path that stays a path.
 */
export function safeReturnTo(value: string | undefined, publicOrigin: string): string {
  if (!value || !value.startsWith('/') || /[\\\p{Cc}]/u.test(value)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(value, publicOrigin);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (
    url.origin !== publicOrigin ||
    !url.pathname.startsWith('/') ||
    url.pathname.startsWith('//')
  ) {
    return DEFAULT_RETURN_TO;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

const sameText = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** /auth/login, /auth/callback, /auth/session and /auth/logout (spec app.md §1). */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (
  app,
  { config, sessions, cookie, spark, signInLimit },
) => {
  const publicOrigin = new URL(config.publicUrl).origin;

  /** Too many anonymous sign-in attempts from this address: answered, nothing written. */
  const limited = async (request: FastifyRequest, reply: FastifyReply, increment = true) => {
    const limit = await signInLimit(request, { increment });
    const over = increment
      ? limit.isExceeded
      : limit.remaining !== undefined && limit.remaining <= 0;
    if (!over) return false;
    await reply
      .code(429)
      .header('Retry-After', String(limit.ttlInSeconds ?? 60))
      .send({ error: 'Too many sign-in attempts; try again in a minute' });
    return true;
  };

  /** A failed sign-in: its own cookie goes, a session the browser already has stays. */
  const signInFailed = async (request: FastifyRequest, reply: FastifyReply, reason: string) => {
    await signInLimit(request);
    cookie.clearSignIn(reply);
    return reply.redirect(`/signed-out?error=${encodeURIComponent(reason)}`, 302);
  };

  app.get('/auth/login', async (request, reply) => {
    const query = loginQuerySchema.safeParse(request.query);
    const returnTo = safeReturnTo(query.success ? query.data.returnTo : undefined, publicOrigin);
    // Already signed in: a link to /auth/login (even from another site) must not sign anyone out.
    const currentId = cookie.sessionId(request);
    if (currentId && (await sessions.get(currentId))) return reply.redirect(returnTo, 302);
    if (await limited(request, reply)) return reply;
    const previous = cookie.signInId(request);
    if (previous) await sessions.takeSignIn(previous);
    const state = randomBytes(32).toString('base64url');
    cookie.setSignIn(reply, await sessions.startSignIn({ state, returnTo }));
    return reply.redirect(spark.authorizeUrl(state), 302);
  });

  app.get('/auth/callback', async (request, reply) => {
    // A callback that completes a sign-in was counted at /auth/login; failed ones count again.
    if (await limited(request, reply, false)) return reply;
    const query = callbackQuerySchema.safeParse(request.query);
    const signInId = cookie.signInId(request);
    // The sign-in is single use: whatever happens next, its state is gone.
    const pending = signInId ? await sessions.takeSignIn(signInId) : null;
    if (!pending) return signInFailed(request, reply, 'state');
    if (!query.success || !query.data.state || !sameText(query.data.state, pending.state)) {
      return signInFailed(request, reply, 'state');
    }
    // Only a fixed word reaches the app, never the provider's own text.
    if (query.data.error === 'access_denied') return signInFailed(request, reply, 'denied');
    if (query.data.error || !query.data.code) return signInFailed(request, reply, 'signin');
    try {
      const tokens = await spark.exchangeCode(query.data.code);
      const user = await spark.myAccount(tokens.accessToken);
      const previous = cookie.sessionId(request);
      if (previous) await sessions.delete(previous);
      cookie.setSession(reply, await sessions.create(tokens, user));
    } catch (error) {
      if (error instanceof StoreUnavailable) throw error;
      request.log.warn({ err: error }, 'sign-in failed');
      return signInFailed(request, reply, 'signin');
    }
    cookie.clearSignIn(reply);
    return reply.redirect(pending.returnTo, 302);
  });

  app.get('/auth/session', async (request, reply) => {
    const id = cookie.sessionId(request);
    const session = id ? await sessions.get(id) : null;
    if (!session) return reply.code(401).send({ error: 'Not signed in' });
    return session.user;
  });

  app.post(
    '/auth/logout',
    { onRequest: refuseCrossSiteWrites(publicOrigin) },
    async (request, reply) => {
      const id = cookie.sessionId(request);
      if (id) await sessions.delete(id);
      cookie.clearSession(reply);
      // Reads are kept (revalidated) in the browser's cache: a shared computer keeps none of them.
      return reply.code(204).header('Clear-Site-Data', '"cache"').send();
    },
  );
};
