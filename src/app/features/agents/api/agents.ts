import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgentError, SessionAgent } from '../../../../shared/agents.js';
import { keyScope } from '../../../api/acting-for.js';
import { APP_HEADER, SparkApiError } from '../../../api/spark-fetch.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import { authKeys, useSessionUser } from '../../auth/index.js';
import type { SessionState } from '../../auth/index.js';
import { useWorkingFor } from '../working-for.js';

/** The agents added to this browser session, in the order added. */
export function useAgents(): SessionAgent[] {
  return useSessionUser()?.Agents ?? [];
}

/** Runs the Spark sign-in again for another agent (a full-page navigation). */
export function addAgentUrl(returnTo: string): string {
  return `/auth/agents/add?returnTo=${encodeURIComponent(returnTo)}`;
}

/** What happened and what to do, for each refusal `?agentError=` names. */
export function agentErrorMessage(reason: AgentError | string): string {
  switch (reason) {
    case 'self':
      return 'That was your own Flexmls sign-in, so no agent was added. To add an agent, sign in as that agent (in Flexmls, superuse them first) and try again.';
    case 'not-agent':
      return 'That account is not an agent (it cannot own portal groups), so it was not added. Sign in as the agent whose groups you manage.';
    case 'limit':
      return 'You already work for 20 agents in this session. Remove one under “Working for”, then add the new agent.';
    case 'session':
      return 'Your own sign-in ended before the agent was added. Sign in again, then add the agent.';
    case 'denied':
      return 'The agent’s sign-in was cancelled, so no agent was added. Choose “Add an agent” to try again.';
    default:
      return 'The agent’s sign-in did not complete, so no agent was added. Choose “Add an agent” to try again.';
  }
}

async function removeAgent(agentId: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/auth/agents/${encodeURIComponent(agentId)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { ...APP_HEADER },
    });
  } catch {
    throw new SparkApiError('Network error', 0, 0);
  }
  if (!response.ok)
    throw new SparkApiError(`HTTP ${response.status}`, response.status, response.status);
}

/** Drops an agent from the session (its tokens at once) and everything cached for it. */
export function useRemoveAgent() {
  const queryClient = useQueryClient();
  const { agentId: current, switchTo } = useWorkingFor();
  return useMutation({
    mutationFn: (agent: SessionAgent) => removeAgent(agent.Id),
    onSuccess: (_data, agent) => {
      queryClient.setQueryData<SessionState>(authKeys.session(), (state) =>
        state?.user
          ? {
              ...state,
              user: { ...state.user, Agents: state.user.Agents.filter((a) => a.Id !== agent.Id) },
            }
          : state,
      );
      if (current === agent.Id) switchTo(null);
      for (const family of ['groups', 'contacts'])
        queryClient.removeQueries({ queryKey: [family, keyScope(agent.Id)] });
      notifySuccess(`${agent.Name} was removed; their sign-in is no longer kept.`);
    },
    onError: (error) => notifyError('Could not remove the agent', error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}
