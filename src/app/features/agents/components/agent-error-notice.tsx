import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import type { AgentError } from '../../../../shared/agents.js';

/** What happened and what to do, for each refusal `?agentError=` names. */
function agentErrorMessage(reason: AgentError | string): string {
  switch (reason) {
    case 'self':
      return 'That was your own Flexmls sign-in, so no agent was added. To add an agent, sign in as that agent (in Flexmls, superuse them first) and try again.';
    case 'not-agent':
      return 'That account is not an agent (it cannot own portal groups), so it was not added. Sign in as the agent whose groups you manage.';
    case 'not-allowed':
      return 'Your account cannot work for agents: only agents and their assistants can add one.';
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

/** Why "Add an agent" came back without an agent (`?agentError=`), until dismissed. */
export function AgentErrorNotice() {
  const [searchParams, setSearchParams] = useSearchParams();
  const reason = searchParams.get('agentError');
  if (!reason) return null;
  const dismiss = () =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('agentError');
        return next;
      },
      { replace: true },
    );
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      radius={0}
      title="No agent was added"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={dismiss}
    >
      {agentErrorMessage(reason)}
    </Alert>
  );
}
