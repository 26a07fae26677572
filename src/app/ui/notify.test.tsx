import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SparkApiError } from '../api/spark-fetch.js';
import { findNotification } from '../testing/notification.js';
import { renderWithProviders } from '../testing/render.js';
import { notifyError, notifySuccess, notifyWarning, notifyWithUndo } from './notify.js';

describe('notifications', () => {
  it('say what was done, or what failed in words, each with a Dismiss button', async () => {
    const { user } = renderWithProviders(<></>);
    act(() => {
      notifySuccess('Group created');
      notifyError('Group not created', new SparkApiError('Read only', 403, 1018));
    });

    const done = await findNotification('Group created');
    expect(within(done).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    const failed = await findNotification('Group not created');
    expect(
      within(failed).getByText('Your account can view groups but not change them'),
    ).toBeVisible();
    await user.click(within(failed).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Group not created')).toBeNull());
    expect(screen.getByText('Group created')).toBeVisible();
  });

  it('show a warning once however often it is raised', async () => {
    renderWithProviders(<></>);
    act(() => {
      notifyWarning('busy', 'Flexmls is busy, retrying shortly');
      notifyWarning('busy', 'Flexmls is busy, retrying shortly');
    });
    const warning = await findNotification('Flexmls is busy, retrying shortly');
    expect(within(warning).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(screen.getAllByText('Flexmls is busy, retrying shortly')).toHaveLength(1);
  });

  it('offer Undo, which takes the change back and closes the notification', async () => {
    const onUndo = vi.fn();
    const { user } = renderWithProviders(<></>);
    act(() => notifyWithUndo('removed-1', 'Removed Carl Contact', onUndo));

    const removed = await findNotification('Removed Carl Contact');
    expect(within(removed).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await user.click(within(removed).getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText('Removed Carl Contact')).toBeNull());
  });
});
