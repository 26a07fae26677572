import type { SessionAgent } from '../../../../shared/agents.js';
import { useSessionUser } from '../../../data/session.js';

/** The agents added to this browser session, in the order added. */
export function useAgents(): SessionAgent[] {
  return useSessionUser()?.Agents ?? [];
}
