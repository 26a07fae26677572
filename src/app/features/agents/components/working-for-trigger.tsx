import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { Box, Button, Text } from '@mantine/core';
import type { SessionAgent } from '../../../../shared/agents.js';

/** Whom the header says the user works for: in full, and the short form a phone has room for. */
interface WorkingForLabel {
  name: string;
  short: string;
}

export function workingForLabel(agentId: string | null, agents: SessionAgent[]): WorkingForLabel {
  if (!agentId) return { name: 'My account', short: 'Me' };
  const agent = agents.find((one) => one.Id === agentId);
  if (!agent) return { name: 'a removed agent', short: 'Removed' };
  return { name: agent.Name, short: agent.Name.split(' ')[0] || agent.Name };
}

type ButtonProps = ComponentPropsWithoutRef<'button'> & { label: WorkingForLabel };

/** The header's "Working for" button (the menu's target, and its stand-in while it loads). */
export const WorkingForButton = forwardRef<HTMLButtonElement, ButtonProps>(
  function WorkingForButton({ label, ...props }, ref) {
    const { name, short } = label;
    return (
      <Button
        ref={ref}
        variant="default"
        size="sm"
        px={{ base: 'xs', sm: 'md' }}
        aria-label={`Working for ${name}`}
        {...props}
      >
        {/* A phone's header has room for a first name (no arrow) beside the app's title. */}
        <Text span size="sm" fw={500} truncate maw={72} hiddenFrom="sm">
          {short}
        </Text>
        <Text span size="sm" fw={500} truncate maw={200} visibleFrom="sm">
          Working for: {name}
        </Text>
        <Box component="span" aria-hidden="true" ml={8} visibleFrom="sm">
          ▾
        </Box>
      </Button>
    );
  },
);
