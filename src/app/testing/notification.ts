import { screen } from '@testing-library/react';

/** The toast (see ToastDock) that says `text`, once it is shown. */
export async function findNotification(text: string | RegExp): Promise<HTMLElement> {
  const said = await screen.findByText(text);
  const notification = said.closest<HTMLElement>('[data-toast]');
  if (!notification) throw new Error(`"${String(text)}" is not in a notification`);
  return notification;
}
