import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { serverPaths } from '../../../account/paths.js';

interface SignedOutViewProps {
  /** Where to come back to after signing in. */
  returnTo: string;
  ended?: boolean;
  /** Why a sign-in failed, as the sign-in server reports it (`/signed-out?error=`). */
  failure?: string | null;
}

const GENERIC_FAILURE = 'Flexmls could not complete the sign-in. Please try again in a moment.';

/** Fixed texts per reason: nothing from the address is shown as such. */
const FAILURES: Record<string, string> = {
  denied: 'Flexmls did not give this app access (the sign-in was declined or cancelled).',
  state: 'The sign-in link had expired or was opened twice. Please start again.',
  signin: GENERIC_FAILURE,
};

function signInFailureText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return (Object.hasOwn(FAILURES, reason) ? FAILURES[reason] : undefined) ?? GENERIC_FAILURE;
}

export function SignedOutView({ returnTo, ended = false, failure }: SignedOutViewProps) {
  const failureText = signInFailureText(failure);
  return (
    <Center mih="70vh" px="md">
      <Paper withBorder p="xl" maw={420} w="100%">
        <Stack gap="md">
          <Title order={1} size="h2">
            Portal Groups Admin
          </Title>
          {failureText && (
            <Alert color="red" variant="light" title="Sign-in failed">
              {failureText}
            </Alert>
          )}
          <Text>
            {failureText
              ? 'You are not signed in.'
              : ended
                ? 'Your session has ended. Sign in again to continue.'
                : 'You are signed out. Sign in to manage your portal groups.'}
          </Text>
          <Button component="a" href={serverPaths.signIn(returnTo)}>
            Sign in with Flexmls
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
