import { Button, Group, Text } from '@mantine/core';
import { useSignOut } from '../../../data/sign-out.js';
import { useSessionUser } from '../../../data/session.js';

/** The signed-in user's name and "Sign out". */
export function UserMenu() {
  const user = useSessionUser();
  const signOut = useSignOut();
  if (!user) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {/* On phones the name gives way so the header stays on one line; Sign out still says it. */}
      <Text size="sm" truncate maw={240} visibleFrom="sm">
        {user.Name}
      </Text>
      <Button
        variant="default"
        size="sm"
        px={{ base: 'xs', sm: 'md' }}
        title={`Signed in as ${user.Name}`}
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </Button>
    </Group>
  );
}
