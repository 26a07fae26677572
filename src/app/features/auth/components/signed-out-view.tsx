import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { signInUrl } from '../api/session.js';

interface SignedOutViewProps {
  /** Where to come back to after signing in. */
  returnTo: string;
  ended?: boolean;
}

export function SignedOutView({ returnTo, ended = false }: SignedOutViewProps) {
  return (
    <Center mih="70vh" px="md">
      <Paper withBorder p="xl" maw={420} w="100%">
        <Stack gap="md">
          <Title order={1} size="h2">
            Portal Groups Admin
          </Title>
          <Text>
            {ended
              ? 'Your session has ended. Sign in again to continue.'
              : 'You are signed out. Sign in to manage your portal groups.'}
          </Text>
          <Button component="a" href={signInUrl(returnTo)}>
            Sign in with Flexmls
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
