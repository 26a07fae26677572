import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionAgent } from '../../../../shared/agents.js';
import { authRequest } from '../../../api/spark-fetch.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import { authKeys } from '../../../data/session.js';
import type { SessionState } from '../../../data/session.js';
import { useWorkingFor } from '../working-for.js';

function removeAgent(agentId: string): Promise<void> {
  return authRequest(null, `/auth/agents/${encodeURIComponent(agentId)}`, { method: 'DELETE' });
}

/** Drops an agent from the session (its tokens at once) and everything cached for it. */
export function useRemoveAgent() {
  const queryClient = useQueryClient();
  const { agentId: current, switchTo } = useWorkingFor();
  return useMutation({
    mutationFn: (agent: SessionAgent) => removeAgent(agent.Id),
    onSuccess: (_data, agent) => {
      // Its cached data goes once none of its pages is on screen (useForgetRemovedAgents).
      queryClient.setQueryData<SessionState>(authKeys.session(), (state) =>
        state?.user
          ? {
              ...state,
              user: { ...state.user, Agents: state.user.Agents.filter((a) => a.Id !== agent.Id) },
            }
          : state,
      );
      if (current === agent.Id) void switchTo(null);
      notifySuccess(`${agent.Name} was removed; their sign-in is no longer kept.`);
    },
    onError: (error) => notifyError('Could not remove the agent', error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}
