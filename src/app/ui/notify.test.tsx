import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { agentAccount } from '../account/account.js';
import { SparkApiError } from '../api/spark-fetch.js';
import { findNotification } from '../testing/notification.js';
import { renderWithProviders } from '../testing/render-app.js';
import { notifyError, notifySuccess, notifyWarning, notifyWithUndo } from './notify.js';
import { setToastScope } from './toast-store.js';

const toasts = () => document.querySelectorAll('[data-toast]');

describe('notifications', () => {
  it('say what was done, or what failed in words, each with a Dismiss button', async () => {
    const { user } = renderWithProviders(<></>);
    act(() => notifySuccess('Group created'));
    const done = await findNotification('Group created');
    expect(within(done).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    // A success is announced politely; a failure interrupts.
    expect(screen.getByRole('status')).toHaveTextContent('Group created');

    act(() => notifyError('Group not created', new SparkApiError('Read only', 403, 1018)));
    const failed = await findNotification('Group not created');
    expect(
      within(failed).getByText('Your account can view groups but not change them'),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Your account can view groups');
    await user.click(within(failed).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Group not created')).toBeNull());
  });

  it('show one at a time: a newer one takes the place of the one shown', async () => {
    renderWithProviders(<></>);
    act(() => {
      notifySuccess('Added to Favorites');
      notifyWarning('busy', 'Flexmls is busy, retrying shortly');
      notifyWarning('busy', 'Flexmls is busy, retrying shortly');
    });
    await findNotification('Flexmls is busy, retrying shortly');
    expect(toasts()).toHaveLength(1);
    expect(screen.queryByText('Added to Favorites')).toBeNull();
  });

  it('offer Undo, which takes the change back and closes the notification', async () => {
    const onUndo = vi.fn();
    const { user } = renderWithProviders(<></>);
    act(() =>
      notifyWithUndo({
        id: 'removed-1',
        group: 'removed-g1',
        verb: 'Removed',
        names: ['Carl Contact'],
        onUndo,
      }),
    );
    const removed = await findNotification('Removed Carl Contact');
    expect(within(removed).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await user.click(within(removed).getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText('Removed Carl Contact')).toBeNull());
  });

  it('name every person of changes that follow each other, with one Undo for all', async () => {
    const undone: string[] = [];
    const { user } = renderWithProviders(<></>);
    act(() => {
      for (const name of ['Beatriz Castillo', 'Felix du Pont', 'Ana Lima']) {
        notifyWithUndo({
          id: `removed-${name}`,
          group: 'removed-g1',
          verb: 'Removed',
          names: [name],
          onUndo: () => undone.push(name),
        });
      }
    });
    const removed = await findNotification('Removed Beatriz Castillo, Felix du Pont and Ana Lima');
    expect(toasts()).toHaveLength(1);
    await user.click(within(removed).getByRole('button', { name: 'Undo' }));
    expect(undone.sort()).toEqual(['Ana Lima', 'Beatriz Castillo', 'Felix du Pont']);
  });

  it('say where changes to one place went after the names: “Added A and B to Favorites”', async () => {
    renderWithProviders(<></>);
    act(() => {
      for (const name of ['12 Elm St, Fargo', '4 Oak Ave, Moorhead']) {
        notifyWithUndo({
          id: `added-${name}`,
          group: 'added-favorites',
          verb: 'Added',
          names: [name],
          after: 'to Favorites',
          onUndo: () => undefined,
        });
      }
    });
    await findNotification('Added 12 Elm St, Fargo and 4 Oak Ave, Moorhead to Favorites');
    expect(toasts()).toHaveLength(1);
  });

  it('never show one agent’s change once the tab works for another', async () => {
    const avery = agentAccount('20000000000000000000000001');
    renderWithProviders(<></>);
    act(() => setToastScope('20000000000000000000000001'));
    act(() => notifySuccess('Added Beatriz Castillo', { account: avery }));
    await findNotification('Added Beatriz Castillo');

    // Switching to Jordan drops Avery's toast...
    act(() => setToastScope('20000000000000000000000002'));
    await waitFor(() => expect(screen.queryByText('Added Beatriz Castillo')).toBeNull());
    // ...and a change of Avery's that ends after the switch is not shown either.
    act(() => notifyError('Could not remove Ana Lima', new Error('x'), { account: avery }));
    act(() => notifySuccess('CSV downloaded'));
    await findNotification('CSV downloaded');
    expect(screen.queryByText('Could not remove Ana Lima')).toBeNull();
  });
});
