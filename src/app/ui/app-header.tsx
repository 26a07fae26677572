import type { ReactNode } from 'react';
import { Anchor, Box, Group } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ColorSchemeToggle } from './color-scheme-toggle.js';

/**
 * App name (a link to `home`, the list of the account the tab works for), then whatever the page
 * puts at the end (the user's name, Sign out).
 */
export function AppHeader({ home, children }: { home: string; children?: ReactNode }) {
  return (
    <Box
      component="header"
      px={{ base: 'xs', sm: 'md' }}
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor
          component={Link}
          to={home}
          fw={700}
          c="var(--mantine-color-text)"
          underline="never"
          truncate
          miw={0}
        >
          Portal Groups{' '}
          <Box component="span" visibleFrom="sm">
            Admin
          </Box>
        </Anchor>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <ColorSchemeToggle />
          {children}
        </Group>
      </Group>
    </Box>
  );
}
