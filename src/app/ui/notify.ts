import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/error-message.js';

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message });
}

/** A failed write, in the user's language. */
export function notifyError(title: string, error: unknown) {
  notifications.show({ color: 'red', title, message: errorMessage(error) });
}
