import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/error-message.js';

const CLOSE = { 'aria-label': 'Dismiss' };

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message, closeButtonProps: CLOSE });
}

/** A failed write, in the user's language (or in `message`, when the caller knows better). */
export function notifyError(title: string, error: unknown, message = errorMessage(error)) {
  notifications.show({
    color: 'red',
    title,
    message,
    closeButtonProps: CLOSE,
  });
}

/** A problem the app is handling itself (e.g. Flexmls asking it to slow down), shown once per `id`. */
export function notifyWarning(id: string, message: string) {
  notifications.show({ id, color: 'yellow', message, closeButtonProps: CLOSE });
}

/** A done write the user can take back for a few seconds. */
export function notifyWithUndo(id: string, message: string, onUndo: () => void, seconds = 10) {
  notifications.show({
    id,
    color: 'green',
    autoClose: seconds * 1000,
    closeButtonProps: CLOSE,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text fz="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}
