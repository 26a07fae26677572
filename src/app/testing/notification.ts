import { screen } from '@testing-library/react';

/** The notification (Mantine shows each as an alert) that says `text`, once it is shown. */
export async function findNotification(text: string | RegExp): Promise<HTMLElement> {
  const said = await screen.findByText(text);
  const notification = said.closest<HTMLElement>('[role="alert"]');
  if (!notification) throw new Error(`"${String(text)}" is not in a notification`);
  return notification;
}
