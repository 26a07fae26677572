import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { Box, Button, Text } from '@mantine/core';

type ButtonProps = ComponentPropsWithoutRef<'button'> & { name: string };

/** The header's "Working for" button (the menu's target, and its stand-in while it loads). */
export const WorkingForButton = forwardRef<HTMLButtonElement, ButtonProps>(
  function WorkingForButton({ name, ...props }, ref) {
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
          {name.split(' ')[0]}
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
