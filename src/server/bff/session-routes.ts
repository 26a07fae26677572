import type { FastifyInstance } from 'fastify';
import { agentParamsSchema, type SessionAnswer } from '../../shared/agents.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { recordAudit } from './audit.js';
import type { AuthContext } from './auth-context.js';
import { AGENT_GONE_MESSAGE, failure, refuseCrossSiteWrites } from './guards.js';
import type { Session } from './store/session-store.js';

/** What `GET /auth/session` answers: never a token. */
function sessionAnswer(session: Session): SessionAnswer {
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

/** /auth/session, DELETE /auth/agents/:agentId and /auth/logout. */
export function registerSessionRoutes(
  app: FastifyInstance,
  { publicOrigin, sessions, audit, cookie, currentSession, discardTokens }: AuthContext,
): void {
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
      await discardTokens(request, [agent.tokens]);
      await recordAudit(audit, request.log, {
        actor: session.user,
        for: agent.user,
        Method: 'DELETE',
        Path: `/auth/agents/${agent.user.Id}`,
        Kind: 'agent-remove',
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
      const session = id ? await sessions.get(id) : null;
      if (id) await sessions.delete(id);
      cookie.clearSession(reply);
      if (session) {
        await discardTokens(request, [session.tokens, ...session.agents.map((a) => a.tokens)]);
      }
      // No read is stored (no-store); this also clears what an older version let a browser keep.
      return reply.code(204).header('Clear-Site-Data', '"cache"').send();
    },
  );
}
