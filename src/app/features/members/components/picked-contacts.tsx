import { Alert, Pill, Text } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';

interface Props {
  users: PortalGroupUser[];
  onUnpick: (id: string) => void;
}

/** The picked contacts as removable pills, with a warning for those whose portal is off. */
export function PickedContacts({ users, onUnpick }: Props) {
  const portalOff = users.filter((user) => !user.Enabled);
  return (
    <>
      {portalOff.length > 0 && (
        <Alert color="yellow" variant="light" p="xs" title="Portal off">
          <Text fz="sm">
            {portalOff.map((user) => user.Name).join(', ')}{' '}
            {portalOff.length === 1 ? 'has the portal' : 'have the portal'} turned off: they will be
            in the group but cannot sign in until it is turned on.
          </Text>
        </Alert>
      )}
      {users.length > 0 && (
        <Pill.Group role="list" aria-label="Picked contacts">
          {users.map((user) => (
            <Pill
              key={user.Id}
              role="listitem"
              withRemoveButton
              onRemove={() => onUnpick(user.Id)}
              // Mantine hides the remove button from keyboards and screen readers by default.
              removeButtonProps={{
                'aria-label': `Unpick ${user.Name}`,
                'aria-hidden': false,
                tabIndex: 0,
              }}
            >
              {user.Name}
            </Pill>
          ))}
        </Pill.Group>
      )}
    </>
  );
}
