import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { Link, Route } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { createQueryClient } from '../query-client.js';
import { agent, makeGroup } from '../test/fixtures.js';
import { groupsListHandler } from '../test/fake-groups.js';
import { setupMswServer, sparkError, sparkResults, sparkSuccess } from '../test/msw.js';
import { renderWithProviders } from '../test/render.js';
import { sessionHandler } from '../test/session-handler.js';
import { GroupPage } from './group-page.js';
import { GroupsPage } from './groups-page.js';

const server = setupMswServer();

/** The list answers once; every later list request hangs, like a very slow network. */
function listAnsweringOnce(groups: PortalGroup[]) {
  let answered = false;
  const first = groupsListHandler(groups);
  return http.get('/api/v1/portal/groups', async (info) => {
    if (answered) await delay('infinite');
    answered = true;
    return first.run(info).then((result) => result?.response);
  });
}

function renderApp(group: PortalGroup, others: PortalGroup[] = []) {
  server.use(
    sessionHandler(agent),
    listAnsweringOnce([group, ...others]),
    http.get(`/api/v1/portal/groups/${group.Id}`, () => sparkResults([group])),
  );
  return renderWithProviders(<GroupsPage />, {
    route: '/groups',
    path: '/groups',
    queryClient: createQueryClient({ retry: false }),
    extraRoutes: (
      <Route
        path="/groups/:groupId"
        element={
          <>
            <Link to="/groups">To the list</Link>
            <GroupPage />
          </>
        }
      />
    ),
  });
}

function rowOf(name: string) {
  const row = screen.getByRole('link', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('the list after a write, before any refetch answers', () => {
  it('shows the new member count and names after a removal', async () => {
    const group = makeGroup(['Olga Owner', 'Ann Member', 'Ben Member']);
    server.use(
      http.delete(`/api/v1/portal/groups/${group.Id}/users/:userId`, () => sparkSuccess()),
    );
    const { user } = renderApp(group);
    await user.click(await screen.findByRole('link', { name: 'Olga Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Remove Ben Member' }));
    expect(await screen.findByText('Removed Ben Member')).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'To the list' }));
    const row = rowOf('Olga Owner');
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(row).getByText('Olga Owner, Ann Member')).toBeInTheDocument();
  });

  it('puts the member back in the list when the removal is refused', async () => {
    const group = makeGroup(['Rita Owner', 'Ann Member', 'Ben Member']);
    let refuse: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    server.use(
      http.delete(`/api/v1/portal/groups/${group.Id}/users/:userId`, async () => {
        await refused;
        return sparkError(500, 1026, 'boom');
      }),
    );
    const { user } = renderApp(group);
    await user.click(await screen.findByRole('link', { name: 'Rita Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Remove Ben Member' }));
    await user.click(screen.getByRole('link', { name: 'To the list' }));
    expect(within(rowOf('Rita Owner')).getByText('Rita Owner, Ann Member')).toBeInTheDocument();

    refuse();
    await waitFor(() =>
      expect(
        within(rowOf('Rita Owner')).getByText('Rita Owner, Ann Member, Ben Member'),
      ).toBeInTheDocument(),
    );
    expect(within(rowOf('Rita Owner')).getByText('3')).toBeInTheDocument();
  });

  it('no longer lists a deleted group', async () => {
    const group = makeGroup(['Dora Owner', 'Ann Member']);
    const kept = makeGroup(['Kim Owner']);
    server.use(http.delete(`/api/v1/portal/groups/${group.Id}`, () => sparkSuccess()));
    const { user } = renderApp(group, [kept]);
    expect(await screen.findByText('1–2 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Dora Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));

    expect(await screen.findByText('Group deleted')).toBeVisible();
    expect(
      await screen.findByRole('link', { name: 'Kim Owner' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dora Owner' })).not.toBeInTheDocument();
    expect(screen.getByText('1–1 of 1')).toBeInTheDocument();
  });

  it('shows a Favorites change', async () => {
    const group = makeGroup(['Fay Owner']);
    server.use(http.put(`/api/v1/portal/groups/${group.Id}`, () => sparkSuccess()));
    const { user } = renderApp(group);
    await user.click(await screen.findByRole('link', { name: 'Fay Owner' }));
    await user.click(await screen.findByRole('button', { name: 'Favorites' }));
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'To the list' }));
    expect(within(rowOf('Fay Owner')).getByText('Favorites')).toBeInTheDocument();
  });
});
