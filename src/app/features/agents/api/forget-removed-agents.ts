import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { agentAccount } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { groupKeys } from '../../../data/group-keys.js';
import { useAgents } from './agents.js';

/**
 * Keeps no data of an agent removed from the session: once none of its pages is on screen (the
 * tab may still be on one while it moves to the own account), its cached groups and contacts go.
 */
export function useForgetRemovedAgents() {
  const queryClient = useQueryClient();
  const agents = useAgents();
  const { agentId: current } = useAccount();
  useEffect(() => {
    const kept = new Set(['me', current, ...agents.map((agent) => agent.Id)]);
    const scopes = new Set(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey[1])
        .filter((scope): scope is string => typeof scope === 'string' && !kept.has(scope)),
    );
    for (const scope of scopes) {
      const gone = agentAccount(scope);
      queryClient.removeQueries({ queryKey: groupKeys.all(gone) });
      queryClient.removeQueries({ queryKey: contactKeys.all(gone) });
    }
  }, [queryClient, agents, current]);
}
