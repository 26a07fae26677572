import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { setupRealBackend, type Session } from '../../testing/real-backend.js';
import { renderApp } from '../../testing/render-app.js';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const backend = setupRealBackend();
let avery: Session;
let groups: PortalGroup[];
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  groups = await avery.replaceGroups(
    ['Ann Able', 'Ben Baker', 'Cy Cole'].map((owner) => ({ owner })),
  );
});

function renderList() {
  backend.browseAs(avery);
  return renderApp('/groups');
}

describe('keyboard shortcuts', () => {
  it('/ focuses the search, Esc leaves it, j/k move through rows and Enter opens one', async () => {
    const { user, router } = renderList();
    await screen.findByRole('link', { name: 'Ann Able' });
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search groups' });
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
    await user.keyboard('j');
    expect(search).toHaveValue('j');
    expect(search).toHaveFocus();
    await user.clear(search);
    await user.keyboard('{Escape}');
    expect(search).not.toHaveFocus();

    await user.keyboard('jjjk');
    expect(screen.getByRole('link', { name: 'Ben Baker' })).toHaveFocus();
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Cy Cole' })).toHaveFocus();
    await user.keyboard('kk');
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Ben Baker' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(`/groups/${nth(groups, 1).Id}`),
    );
    // Focus starts at the circle's heading, and Back returns it to the row it was opened from.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Ben Baker' })).toHaveFocus(),
    );
    await router.navigate(-1);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Ben Baker' })).toHaveFocus());
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Cy Cole' })).toHaveFocus();
  });

  it('? lists the shortcuts', async () => {
    const { user } = renderList();
    await screen.findByRole('link', { name: 'Ann Able' });
    await user.keyboard('{Shift>}?{/Shift}');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('cell', { name: 'Open the focused row' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('j does nothing while a field has focus', async () => {
    const { user } = renderList();
    await screen.findByRole('link', { name: 'Ann Able' });
    await user.click(screen.getByRole('searchbox', { name: 'Search groups' }));
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
