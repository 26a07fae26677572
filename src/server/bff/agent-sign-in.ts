import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/account.js';
import { AGENT_LIMIT, type AgentError } from '../../shared/agents.js';
import { recordAudit } from './audit.js';
import type { AuthContext } from './auth-context.js';
import { withOutcome } from './return-to.js';
import { StoreUnavailable, type PendingSignIn, type Session } from './store/session-store.js';

/** Only an agent's authorization can be worked under: no consumer, IDX or public account. */
const isAgent = (user: SessionUser) => user.UserType === 'Member' && user.Role === 'Private';

/** Who may work for agents: agents and their assistants (members), never a consumer or IDX. */
export const canHoldAgents = isAgent;

/** The end of an agent's sign-in: refused with a reason, or the agent added to the session. */
export async function agentSignedIn(
  {
    publicOrigin,
    sessions,
    audit,
    cookie,
    signInLimit,
    currentSession,
    signInWith,
    discardTokens,
  }: AuthContext,
  request: FastifyRequest,
  reply: FastifyReply,
  pending: PendingSignIn & { addAgentTo: string },
  code: string,
) {
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
      Kind: 'agent-add',
      Action:
        outcome === 'added' ? `Add agent ${user.Name}` : `Add agent ${user.Name} (${outcome})`,
      Status: 302,
      Outcome: outcome === 'added' ? 'Succeeded' : 'Failed',
    });
  const signedIn = await signInWith(code, request.ip).catch((error: unknown) => {
    if (error instanceof StoreUnavailable) throw error;
    request.log.warn({ err: error }, 'agent sign-in failed');
    return null;
  });
  if (!signedIn) {
    await signInLimit(request);
    return refused('signin');
  }
  const { tokens, user } = signedIn;
  // Tokens no session keeps are ended at once.
  const unused = async (reason: AgentError) => {
    await discardTokens(request, [tokens]);
    return refused(reason);
  };
  // The browser's session must still be the one the agent's sign-in was started from.
  const session = await currentSession(request);
  if (!session || session.id !== pending.addAgentTo) return unused('session');
  if (!canHoldAgents(session.user)) return unused('not-allowed');
  const refusal = user.Id === session.user.Id ? 'self' : !isAgent(user) ? 'not-agent' : null;
  if (refusal) {
    await recorded(session, user, refusal);
    return unused(refusal);
  }
  const held = session.agents.find((a) => a.user.Id === user.Id);
  const outcome = await sessions.addAgent(
    session.id,
    { user, tokens, addedAt: held?.addedAt ?? Date.now() },
    AGENT_LIMIT,
  );
  await recorded(session, user, outcome);
  if (outcome !== 'added') return unused(outcome);
  if (held) await discardTokens(request, [held.tokens]);
  return back('agent', user.Id);
}
