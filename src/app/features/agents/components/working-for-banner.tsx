import { useEffect, useId } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { notifySuccess } from '../../../ui/notify.js';
import { useAgents } from '../api/agents.js';
import { useWorkingFor } from '../working-for.js';

/** While working for an agent, on every page: whom for, and the way back. */
export function WorkingForBanner() {
  const { agentId, switchTo } = useWorkingFor();
  const agents = useAgents();
  const textId = useId();
  if (!agentId) return null;
  const agent = agents.find((a) => a.Id === agentId);
  return (
    <Group
      role="status"
      aria-labelledby={textId}
      justify="space-between"
      gap="xs"
      wrap="wrap"
      px={{ base: 'xs', sm: 'md' }}
      py={6}
      bg="var(--mantine-primary-color-light)"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Text
        id={textId}
        size="sm"
        c="var(--mantine-color-text)"
        style={{ overflowWrap: 'anywhere' }}
      >
        {agent ? (
          <>
            You are working for <strong>{agent.Name}</strong>
          </>
        ) : (
          'You are working for an agent who is no longer in your session'
        )}
      </Text>
      <Button size="compact-sm" variant="default" onClick={() => void switchTo(null)}>
        Back to my account
      </Button>
    </Group>
  );
}

/** Back from "Add an agent" with `?agent=<Id>`: work for that agent at once, and say so. */
export function AgentAddedSwitch() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { switchTo } = useWorkingFor();
  const agents = useAgents();
  const added = searchParams.get('agent');
  useEffect(() => {
    if (!added) return;
    const agent = agents.find((a) => a.Id === added);
    if (agent) {
      void switchTo(agent.Id);
      notifySuccess(`${agent.Name} was added. You are now working for ${agent.Name}.`);
    } else {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('agent');
          return next;
        },
        { replace: true },
      );
    }
  }, [added, agents, setSearchParams, switchTo]);
  return null;
}
