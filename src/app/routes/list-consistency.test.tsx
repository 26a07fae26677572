import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { uiStates } from '../testing/fixtures.js';
import { setupRealBackend, type GroupSpec, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

/** Avery's list is exactly these groups; it answers once, then every later list read hangs. */
async function renderList(...groups: GroupSpec[]) {
  const created = await avery.replaceGroups(groups);
  let answered = false;
  backend.browseAs(avery);
  backend.msw.use(
    backend.route('get', '/api/v1/portal/groups', {
      before: async () => {
        // Like a very slow network: only what the app wrote itself can change the list.
        if (answered) await delay('infinite');
        answered = true;
      },
    }),
  );
  const rendered = renderApp('/groups');
  return { ...rendered, created };
}

/** The row of `name`'s group, once the list shows it (coming back to the list is a navigation). */
async function rowOf(name: string) {
  const row = (await screen.findByRole('link', { name })).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('the list after a write, before any refetch answers', () => {
  it('shows the new member count and names after a removal', async () => {
    const { user } = await renderList({
      owner: 'Olga Owner',
      members: ['Ann Member', 'Ben Member'],
    });
    await user.click(await screen.findByRole('link', { name: 'Olga Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Remove Ben Member' }));
    expect(await screen.findByText('Removed Ben Member')).toBeVisible();

    await user.click(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
        name: 'Groups',
      }),
    );
    const row = await rowOf('Olga Owner');
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(row).getByText('Olga Owner, Ann Member')).toBeInTheDocument();
  });

  it('puts the member back in the list when the removal is refused', async () => {
    let refuse: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    const { user } = await renderList({
      owner: 'Rita Owner',
      members: ['Ann Member', 'Ben Member'],
    });
    backend.msw.use(
      http.delete('/api/v1/portal/groups/:groupId/users/:userId', async () => {
        await refused;
        return uiStates.failing();
      }),
    );
    await user.click(await screen.findByRole('link', { name: 'Rita Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Remove Ben Member' }));
    await user.click(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
        name: 'Groups',
      }),
    );
    expect(
      within(await rowOf('Rita Owner')).getByText('Rita Owner, Ann Member'),
    ).toBeInTheDocument();

    refuse();
    await waitFor(async () =>
      expect(
        within(await rowOf('Rita Owner')).getByText('Rita Owner, Ann Member, Ben Member'),
      ).toBeInTheDocument(),
    );
    expect(within(await rowOf('Rita Owner')).getByText('3')).toBeInTheDocument();
  });

  it('no longer lists a deleted group', async () => {
    const { user } = await renderList(
      { owner: 'Dora Owner', members: ['Ann Member'] },
      { owner: 'Kim Owner' },
    );
    expect(await screen.findByText('1–2 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Dora Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));

    expect(await screen.findByText(/^Deleted .+'s group$/)).toBeVisible();
    expect(
      await screen.findByRole('link', { name: 'Kim Owner' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dora Owner' })).not.toBeInTheDocument();
    expect(screen.getByText('1–1 of 1')).toBeInTheDocument();
  });

  it('shows a Favorites change', async () => {
    const { user } = await renderList({ owner: 'Fay Owner' });
    await user.click(await screen.findByRole('link', { name: 'Fay Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Favorites' }));
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    await user.click(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
        name: 'Groups',
      }),
    );
    expect(within(await rowOf('Fay Owner')).getByText('Favorites')).toBeInTheDocument();
  });
});
