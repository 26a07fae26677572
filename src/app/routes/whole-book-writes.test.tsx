import { screen, waitFor, within } from '@testing-library/react';
import { delay } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

const DAY = 24 * 3_600_000;

/** The row of `name`'s group, once the list shows it (coming back to the list is a navigation). */
async function rowOf(name: string) {
  const row = (await screen.findByRole('link', { name })).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('the whole book after writes, before any refetch answers', () => {
  it('shows added and removed members and a deleted group in its filters and counts', async () => {
    // Olivia Oak's group has two inactive members (Carl, Dana); Kim Owner's has none.
    const [olivia, kim] = await avery.replaceGroups([
      { owner: 'Olivia Oak', members: ['Bea Brown', 'Carl Contact', 'Dana Disabled'] },
      { owner: 'Kim Owner' },
    ]);
    const idOf = (name: string) => olivia?.Users.find((user) => user.Name === name)?.Id ?? '';
    for (const [id, daysAgo] of [
      [olivia?.ContactId ?? '', 0],
      [idOf('Bea Brown'), 1],
      [idOf('Carl Contact'), 125],
      [idOf('Dana Disabled'), 2],
      [kim?.ContactId ?? '', 0],
    ] as const) {
      backend.portalSignIn(id, new Date(Date.now() - daysAgo * DAY));
    }
    // Dana signed in two days ago, then the portal was turned off: inactive.
    const off = await avery.call('PUT', `/api/v1/contacts/${idOf('Dana Disabled')}/portal`, {
      D: { Settings: { Enabled: false } },
    });
    expect(off.status).toBe(200);
    // A contact of Avery's in no group (a new contact has never signed in: inactive).
    await avery.createContact('Erin Evans');
    // Every list read answers until the book is loaded; later ones hang like a very slow network.
    let answering = true;
    backend.browseAs(avery);
    backend.msw.use(
      backend.route('get', '/api/v1/portal/groups', {
        before: async () => {
          if (!answering) await delay('infinite');
        },
      }),
    );
    const { user } = renderApp('/groups?all=1&inactive=1');
    expect(await screen.findByText('1 of 2 groups', { exact: false })).toBeInTheDocument();
    answering = false;
    const backToList = () =>
      user.click(
        within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
          name: 'Groups',
        }),
      );

    await user.click(screen.getByRole('link', { name: 'Olivia Oak' }));
    await user.click(await screen.findByRole('button', { name: 'Remove Carl Contact' }));
    await user.click(screen.getByRole('button', { name: 'Remove Dana Disabled' }));
    expect(await screen.findByText('Removed Carl Contact and Dana Disabled')).toBeVisible();
    await backToList();
    expect(await screen.findByText('0 of 2 groups', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Has inactive members' }));
    // The address bar follows the filter (the group page's way back returns to it).
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups\?all=1$/),
    );
    expect(within(await rowOf('Olivia Oak')).getByRole('cell', { name: '2' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Olivia Oak' }));
    await user.click(await screen.findByRole('button', { name: 'Add members' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add members' }, { timeout: 5000 });
    await user.type(within(dialog).getByRole('textbox', { name: 'Search contacts' }), 'Erin Evans');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    await user.click(within(dialog).getByRole('button', { name: /^Add/ }));
    expect(await screen.findByText(/Added Erin Evans/)).toBeVisible();
    await backToList();
    await user.click(await screen.findByRole('checkbox', { name: 'Has inactive members' }));
    expect(await screen.findByText('1 of 2 groups', { exact: false })).toBeInTheDocument();
    expect(within(await rowOf('Olivia Oak')).getByRole('cell', { name: '3' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Olivia Oak' }));
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete group' }));
    expect(await screen.findByText(/^Deleted .+'s group$/)).toBeVisible();
    expect(await screen.findByText('0 of 1 groups', { exact: false })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/groups?all=1&inactive=1');
    expect(screen.queryByRole('link', { name: 'Olivia Oak' })).toBeNull();
  }, 60_000);
});
