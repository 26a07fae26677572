import { Button, Group, Text } from '@mantine/core';
import { useSignOut } from '../api/sign-out.js';
import { useSessionUser } from '../api/session.js';

/** The signed-in user's name and "Sign out". */
export function UserMenu() {
  const user = useSessionUser();
  const signOut = useSignOut();
  if (!user) return null;
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" truncate maw={{ base: 110, sm: 240 }}>
        {user.Name}
      </Text>
      <Button
        variant="default"
        size="sm"
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </Button>
    </Group>
  );
}
