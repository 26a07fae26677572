import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { Button, Text } from '@mantine/core';

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
        rightSection={<span aria-hidden="true">▾</span>}
        {...props}
      >
        <Text span size="sm" fw={500} truncate maw={88} hiddenFrom="sm">
          {name}
        </Text>
        <Text span size="sm" fw={500} truncate maw={200} visibleFrom="sm">
          Working for: {name}
        </Text>
      </Button>
    );
  },
);
