import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { SessionUser } from '../../shared/account.js';
import {
  AGENT_LIMIT,
  agentParamsSchema,
  type AgentError,
  type SessionAnswer,
} from '../../shared/agents.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { recordAudit } from './audit.js';
import { AGENT_GONE_MESSAGE, failure, refuseCrossSiteWrites } from './guards.js';
import type { AuditStore } from './store/audit-store.js';
import type { SessionCookie } from './session-cookie.js';
import {
  StoreUnavailable,
  type PendingSignIn,
  type Session,
  type SessionStore,
} from './store/session-store.js';
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
  audit: AuditStore;
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

/** What `GET /auth/session` answers: never a token. */
export function sessionAnswer(session: Session): SessionAnswer {
  const { Id, Name, UserType, Role } = session.user;
  return {
    Id,
    Name,
    UserType,
    Role,
    Agents: session.agents.map(({ user }) => ({
      Id: user.Id,
      Name: user.Name,
      UserType: user.UserType,
      Role: user.Role,
      ...(user.Office ? { Office: user.Office } : {}),
    })),
  };
}

/** `returnTo` with one query parameter set (and the other outcome's removed). */
function withOutcome(returnTo: string, publicOrigin: string, name: string, value: string): string {
  const url = new URL(returnTo, publicOrigin);
  url.searchParams.delete('agent');
  url.searchParams.delete('agentError');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Only an agent's authorization can be worked under: no consumer, IDX or public account. */
const isAgent = (user: SessionUser) => user.UserType === 'Member' && user.Role === 'Private';

const sameText = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * /auth/login, /auth/callback, /auth/session and /auth/logout (spec app.md §1), and the agents a
 * session works for: /auth/agents/add and DELETE /auth/agents/:agentId (docs/operations.md).
 */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (
  app,
  { config, sessions, audit, cookie, spark, signInLimit },
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
    return startSignIn(request, reply, { returnTo });
  });

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

  const currentSession = async (request: FastifyRequest) => {
    const id = cookie.sessionId(request);
    return id ? sessions.get(id) : null;
  };

  /** Adds another agent: the normal Spark sign-in, which /auth/callback adds to this session. */
  app.get('/auth/agents/add', async (request, reply) => {
    const query = loginQuerySchema.safeParse(request.query);
    const returnTo = safeReturnTo(query.success ? query.data.returnTo : undefined, publicOrigin);
    const session = await currentSession(request);
    if (!session) {
      return reply.redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, 302);
    }
    return startSignIn(request, reply, { returnTo, addAgentTo: session.id });
  });

  const signInWith = async (code: string) => {
    const tokens = await spark.exchangeCode(code);
    return { tokens, user: await spark.myAccount(tokens.accessToken) };
  };

  /** The end of an agent's sign-in: refused with a reason, or the agent added to the session. */
  const agentSignedIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    pending: PendingSignIn & { addAgentTo: string },
    code: string,
  ) => {
    const back = (name: 'agent' | 'agentError', value: string) => {
      cookie.clearSignIn(reply);
      return reply.redirect(withOutcome(pending.returnTo, publicOrigin, name, value), 302);
    };
    const refused = (reason: AgentError) => back('agentError', reason);
    const recorded = (session: Session, user: SessionUser, outcome: AgentError | 'added') =>
      recordAudit(audit, request.log, {
        actor: session.user,
        for: user,
        Method: 'GET',
        Path: '/auth/agents/add',
        Action:
          outcome === 'added' ? `Add agent ${user.Name}` : `Add agent ${user.Name} (${outcome})`,
        Status: 302,
        Outcome: outcome === 'added' ? 'Succeeded' : 'Failed',
      });
    const signedIn = await signInWith(code).catch((error: unknown) => {
      if (error instanceof StoreUnavailable) throw error;
      request.log.warn({ err: error }, 'agent sign-in failed');
      return null;
    });
    if (!signedIn) {
      await signInLimit(request);
      return refused('signin');
    }
    const { tokens, user } = signedIn;
    // The browser's session must still be the one the agent's sign-in was started from.
    const session = await currentSession(request);
    if (!session || session.id !== pending.addAgentTo) return refused('session');
    const refusal = user.Id === session.user.Id ? 'self' : !isAgent(user) ? 'not-agent' : null;
    if (refusal) {
      await recorded(session, user, refusal);
      return refused(refusal);
    }
    const held = session.agents.find((a) => a.user.Id === user.Id);
    const outcome = await sessions.addAgent(
      session.id,
      { user, tokens, addedAt: held?.addedAt ?? Date.now() },
      AGENT_LIMIT,
    );
    await recorded(session, user, outcome);
    if (outcome !== 'added') return refused(outcome);
    return back('agent', user.Id);
  };

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
      return agentSignedIn(request, reply, { ...pending, addAgentTo }, query.data.code);
    }
    try {
      const { tokens, user } = await signInWith(query.data.code);
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
    const session = await currentSession(request);
    if (!session) return reply.code(401).send({ error: 'Not signed in' });
    return sessionAnswer(session);
  });

  app.delete(
    '/auth/agents/:agentId',
    { onRequest: refuseCrossSiteWrites(publicOrigin) },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const session = await currentSession(request);
      if (!session) return reply.code(401).send(failure(SparkCode.Unauthorized, 'Not signed in'));
      const params = agentParamsSchema.safeParse(request.params);
      const agent = params.success
        ? session.agents.find((a) => a.user.Id === params.data.agentId)
        : undefined;
      const removed =
        agent !== undefined && (await sessions.removeAgent(session.id, agent.user.Id));
      if (!agent || !removed) {
        return reply.code(404).send(failure(SparkCode.NotFound, AGENT_GONE_MESSAGE));
      }
      await recordAudit(audit, request.log, {
        actor: session.user,
        for: agent.user,
        Method: 'DELETE',
        Path: `/auth/agents/${agent.user.Id}`,
        Action: `Remove agent ${agent.user.Name}`,
        Status: 204,
        Outcome: 'Succeeded',
      });
      return reply.code(204).send();
    },
  );

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
