import { z } from 'zod';
import { sessionUserSchema } from './account.js';
import { sparkIdSchema } from './envelope.js';

/** At most this many agents in one browser session (our choice). */
export const AGENT_LIMIT = 20;

/** The response header naming the account whose token answered a proxied request. */
export const ACTING_FOR_HEADER = 'X-Acting-For';

/** An agent whose authorization the session holds (never its tokens). */
export const sessionAgentSchema = sessionUserSchema.extend({ Office: z.string().optional() });
export type SessionAgent = z.infer<typeof sessionAgentSchema>;

/** `GET /auth/session`: the signed-in user's own identity, and the agents added, in that order. */
export const sessionAnswerSchema = sessionUserSchema.extend({
  Agents: z.array(sessionAgentSchema).default([]),
});
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

/** Why `/auth/agents/add` came back with `?agentError=<reason>` instead of `?agent=<Id>`. */
export const agentErrorSchema = z.enum([
  // the account signed in is the session's own user
  'self',
  // a consumer (UserType Contact, or Role VOW/Portal/IDX/Public): no agent
  'not-agent',
  // the session's own account cannot work for agents (a consumer, IDX or public account)
  'not-allowed',
  // the session already holds AGENT_LIMIT agents
  'limit',
  // the session ended before the agent's sign-in came back
  'session',
  // the agent's sign-in was cancelled on the authorize page
  'denied',
  // the agent's sign-in failed (expired or replayed state, Spark unreachable)
  'signin',
]);
export type AgentError = z.infer<typeof agentErrorSchema>;

/** `:agentId` in `/api/agents/:agentId/v1/*` and `DELETE /auth/agents/:agentId`. */
export const agentParamsSchema = z.object({ agentId: sparkIdSchema });

/** Where the app's requests for an agent go (the proxy adds the agent's token). */
export const agentApiBase = (agentId: string) => `/api/agents/${encodeURIComponent(agentId)}`;
