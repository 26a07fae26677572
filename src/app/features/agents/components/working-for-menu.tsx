import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Menu.css';
import { useState } from 'react';
import { Box, Menu, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import type { SessionAgent } from '../../../../shared/agents.js';
import { ConfirmDialog } from '../../../ui/confirm-dialog.js';
import { useSessionUser } from '../../../data/session.js';
import { serverPaths } from '../../../account/paths.js';
import { useAccountPaths } from '../../../account/use-account.js';
import { useAgents } from '../api/agents.js';
import { useRemoveAgent } from '../api/remove-agent.js';
import { useWorkingFor } from '../working-for.js';
import { WorkingForButton, workingForLabel } from './working-for-trigger.js';

function Check({ on }: { on: boolean }) {
  return (
    <Box component="span" aria-hidden="true" w={14} display="inline-block">
      {on ? '✓' : ''}
    </Box>
  );
}

/** "Working for ▾": the user's own account, each added agent, adding and removing agents. */
export function WorkingForMenu({ defaultOpened = false }: { defaultOpened?: boolean }) {
  const user = useSessionUser();
  const agents = useAgents();
  const { agentId, switchTo } = useWorkingFor();
  const { pathname, search } = useLocation();
  const paths = useAccountPaths();
  const removeAgent = useRemoveAgent();
  const [removing, setRemoving] = useState<SessionAgent | null>(null);
  // Consumers (VOW/Portal) own no groups and can have no agents.
  if (!user || user.Role !== 'Private') return null;

  const returnTo = `${pathname}${search}`;

  return (
    <>
      <Menu position="bottom-end" width={280} shadow="md" defaultOpened={defaultOpened}>
        <Menu.Target>
          <WorkingForButton label={workingForLabel(agentId, agents)} />
        </Menu.Target>
        <Menu.Dropdown>
          {agents.length > 0 && (
            <>
              <Menu.Label>Working for</Menu.Label>
              <Menu.Item
                aria-current={agentId === null ? 'true' : undefined}
                leftSection={<Check on={agentId === null} />}
                onClick={() => void switchTo(null)}
              >
                My account ({user.Name})
              </Menu.Item>
              {agents.map((agent) => (
                <Menu.Item
                  key={agent.Id}
                  aria-current={agentId === agent.Id ? 'true' : undefined}
                  leftSection={<Check on={agentId === agent.Id} />}
                  onClick={() => void switchTo(agent.Id)}
                >
                  {agent.Name}
                </Menu.Item>
              ))}
              <Menu.Divider />
            </>
          )}
          <Menu.Item component="a" href={serverPaths.addAgent(returnTo)}>
            Add an agent
          </Menu.Item>
          <Menu.Item component={Link} to={paths.audit()}>
            Audit trail
          </Menu.Item>
          {agents.length > 0 && (
            <>
              <Menu.Divider />
              <Menu.Label>Remove an agent</Menu.Label>
              {agents.map((agent) => (
                <Menu.Item key={agent.Id} color="red" onClick={() => setRemoving(agent)}>
                  Remove {agent.Name}…
                </Menu.Item>
              ))}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.Name ?? 'agent'}?`}
        confirmLabel="Remove agent"
        onConfirm={() => removing && removeAgent.mutate(removing)}
      >
        <Text size="sm">
          Their sign-in is dropped from this session at once, and their groups are no longer shown
          here. You can add them again with “Add an agent”.
        </Text>
      </ConfirmDialog>
    </>
  );
}
