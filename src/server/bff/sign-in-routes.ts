import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AgentError } from '../../shared/agents.js';
import { sameText } from '../same-text.js';
import { agentSignedIn, canHoldAgents } from './agent-sign-in.js';
import type { AuthContext } from './auth-context.js';
import { safeReturnTo, withOutcome } from './return-to.js';
import { StoreUnavailable, type PendingSignIn } from './store/session-store.js';

const loginQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });
const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
});

/** /auth/login, /auth/agents/add and /auth/callback: the Spark sign-in, of a user or an agent. */
export function registerSignInRoutes(app: FastifyInstance, context: AuthContext): void {
  const {
    publicOrigin,
    sessions,
    cookie,
    spark,
    signInLimit,
    currentSession,
    signInWith,
    discardTokens,
  } = context;

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

  const returnToOf = (request: FastifyRequest) => {
    const query = loginQuerySchema.safeParse(request.query);
    return safeReturnTo(query.success ? query.data.returnTo : undefined, publicOrigin);
  };

  const startSignIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    pending: Omit<PendingSignIn, 'state'>,
  ) => {
    const previous = cookie.signInId(request);
    if (previous) await sessions.takeSignIn(previous);
    const state = randomBytes(32).toString('base64url');
    cookie.setSignIn(reply, await sessions.startSignIn({ ...pending, state }));
    return reply.redirect(spark.authorizeUrl(state), 302);
  };

  app.get('/auth/login', async (request, reply) => {
    const returnTo = returnToOf(request);
    // Already signed in: a link to /auth/login (even from another site) must not sign anyone out.
    const currentId = cookie.sessionId(request);
    if (currentId && (await sessions.get(currentId))) return reply.redirect(returnTo, 302);
    if (await limited(request, reply)) return reply;
    return startSignIn(request, reply, { returnTo });
  });

  /** Adds another agent: the normal Spark sign-in, which /auth/callback adds to this session. */
  app.get('/auth/agents/add', async (request, reply) => {
    const returnTo = returnToOf(request);
    const session = await currentSession(request);
    if (!session) {
      return reply.redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, 302);
    }
    if (await limited(request, reply)) return reply;
    if (!canHoldAgents(session.user)) {
      return reply.redirect(withOutcome(returnTo, publicOrigin, 'agentError', 'not-allowed'), 302);
    }
    return startSignIn(request, reply, { returnTo, addAgentTo: session.id });
  });

  app.get('/auth/callback', async (request, reply) => {
    // A callback that completes a sign-in was counted at /auth/login; failed ones count again.
    if (await limited(request, reply, false)) return reply;
    const query = callbackQuerySchema.safeParse(request.query);
    const signInId = cookie.signInId(request);
    // The sign-in is single use: whatever happens next, its state is gone.
    const pending = signInId ? await sessions.takeSignIn(signInId) : null;
    if (!pending) return signInFailed(request, reply, 'state');
    const { addAgentTo } = pending;
    // An agent's sign-in that fails leaves the session as it was and says why on the page.
    const failed = async (reason: 'state' | 'denied' | 'signin') => {
      if (addAgentTo === undefined) return signInFailed(request, reply, reason);
      await signInLimit(request);
      cookie.clearSignIn(reply);
      const agentReason: AgentError = reason === 'denied' ? 'denied' : 'signin';
      return reply.redirect(
        withOutcome(pending.returnTo, publicOrigin, 'agentError', agentReason),
        302,
      );
    };
    if (!query.success || !query.data.state || !sameText(query.data.state, pending.state)) {
      return failed('state');
    }
    // Only a fixed word reaches the app, never the provider's own text.
    if (query.data.error === 'access_denied') return failed('denied');
    if (query.data.error || !query.data.code) return failed('signin');
    if (addAgentTo !== undefined) {
      return agentSignedIn(context, request, reply, { ...pending, addAgentTo }, query.data.code);
    }
    try {
      const { tokens, user } = await signInWith(query.data.code, request.ip);
      const previousId = cookie.sessionId(request);
      const previous = previousId ? await sessions.get(previousId) : null;
      if (previousId) await sessions.delete(previousId);
      cookie.setSession(reply, await sessions.create(tokens, user));
      if (previous) {
        await discardTokens(request, [previous.tokens, ...previous.agents.map((a) => a.tokens)]);
      }
    } catch (error) {
      if (error instanceof StoreUnavailable) throw error;
      request.log.warn({ err: error }, 'sign-in failed');
      return signInFailed(request, reply, 'signin');
    }
    cookie.clearSignIn(reply);
    return reply.redirect(pending.returnTo, 302);
  });
}
