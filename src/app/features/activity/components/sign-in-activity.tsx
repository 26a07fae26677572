import { useId } from 'react';
import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { countMemberStates, MEMBER_STATES } from '../../../data/member-state.js';

function members(count: number) {
  return `${count} ${count === 1 ? 'member' : 'members'}`;
}

/** A bar chart of the members' states (the same as their badges); every bar has its label and count as text. */
export function SignInActivity({ users }: { users: PortalGroupUser[] }) {
  const headingId = useId();
  const counts = countMemberStates(users);
  const total = Math.max(
    Object.values(counts).reduce((sum, n) => sum + n, 0),
    1,
  );
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} fz="h4" id={headingId}>
          Sign-in activity
        </Title>
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {MEMBER_STATES.map(({ key, label, color }) => (
            <Box component="li" key={key} py={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{label}</Text>
                <Text size="sm" fw={600}>
                  {members(counts[key])}
                </Text>
              </Group>
              <Box
                aria-hidden="true"
                h={8}
                mt={4}
                style={{ borderRadius: 4, background: 'var(--mantine-color-default-border)' }}
              >
                <Box
                  h={8}
                  data-bucket={key}
                  style={{
                    borderRadius: 4,
                    width: `${(counts[key] / total) * 100}%`,
                    background: `var(--mantine-color-${color}-6)`,
                  }}
                />
              </Box>
            </Box>
          ))}
        </Box>
      </Stack>
    </Paper>
  );
}
