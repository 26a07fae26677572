import { Anchor, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAccount, useAccountPaths } from '../../../account/use-account.js';
import { groupName } from '../../../data/group-summary.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import { useChooseCircle, useCurrentCircle } from '../api/current-circle.js';

/** Above a consumer's circles: the one they work in ("As Portal Group"), and the way out of it. */
export function CurrentCircleNote() {
  const account = useAccount();
  const current = useCurrentCircle();
  const paths = useAccountPaths();
  const choose = useChooseCircle({
    onSuccess: () => notifySuccess('You work on your own now', { account }),
    onError: (error) => notifyError('Could not work on your own', error, { account }),
  });
  if (current.data === undefined) return null;
  const circle = current.data;
  return (
    <Group gap="sm" aria-live="polite">
      {circle ? (
        <>
          <Text size="sm">
            You work in{' '}
            <Anchor component={Link} to={paths.group(circle.Id)} underline="always">
              {groupName(circle)}’s circle
            </Anchor>
            : its carts are the ones you see and change.
          </Text>
          <Button
            size="xs"
            variant="default"
            loading={choose.isPending}
            onClick={() => choose.mutate(null)}
          >
            Work on my own
          </Button>
        </>
      ) : (
        <Text size="sm">You work on your own. Open a circle to work in it.</Text>
      )}
    </Group>
  );
}
