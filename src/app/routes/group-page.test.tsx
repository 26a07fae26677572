import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { Route } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { groupKeys } from '../data/group-keys.js';
import { createQueryClient } from '../query-client.js';
import { agent, consumer, makeGroup, uiStates } from '../testing/fixtures.js';
import { setupMswServer, sparkError, sparkResults, sparkSuccess } from '../testing/msw.js';
import { renderWithProviders } from '../testing/render.js';
import { sessionHandler } from '../testing/session-handler.js';
import { GroupPage } from './group-page.js';
import {
  GROUP_ID as REAL_GROUP_ID,
  groupAsSparkSendsIt,
} from '../../shared/testing/real-spark-shapes.js';

const server = setupMswServer();

function groupHandler(group: PortalGroup) {
  return http.get(`/api/v1/portal/groups/${group.Id}`, () => sparkResults([group]));
}

function renderGroupPage(id: string) {
  return renderWithProviders(<GroupPage />, {
    route: `/groups/${id}`,
    path: '/groups/:groupId',
    queryClient: createQueryClient({ retry: false }),
    extraRoutes: <Route path="/groups" element={<h1>All groups</h1>} />,
  });
}

/** Lets a test hold a server answer until it says so. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('group page', () => {
  it('shows a loading state, then the owner as heading and the members', async () => {
    const group = makeGroup(['Carl Contact', 'Dana Member']);
    const answer = gate();
    server.use(
      sessionHandler(agent),
      http.get(`/api/v1/portal/groups/${group.Id}`, async () => {
        await answer.opened;
        return sparkResults([group]);
      }),
    );
    renderGroupPage(group.Id);
    expect(screen.getByLabelText('Loading group')).toHaveAttribute('aria-busy', 'true');

    answer.open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Carl Contact' })).toBeVisible();
    expect(screen.getByText('Dana Member')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Favorites' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(screen.getByRole('button', { name: 'Delete group' })).toBeInTheDocument();
  });

  it('shows "Group not found" with a way back for an unknown Id', async () => {
    server.use(sessionHandler(agent), http.get('/api/v1/portal/groups/:id', uiStates.notFound));
    const { user } = renderGroupPage('12345');
    expect(await screen.findByRole('heading', { name: 'Group not found' })).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Back to groups' }));
    expect(await screen.findByRole('heading', { name: 'All groups' })).toBeVisible();
  });

  it('shows an error panel with Retry when loading fails', async () => {
    const group = makeGroup(['Retry Owner']);
    let fail = true;
    server.use(
      sessionHandler(agent),
      http.get(`/api/v1/portal/groups/${group.Id}`, () =>
        fail ? uiStates.failing() : sparkResults([group]),
      ),
    );
    const { user } = renderGroupPage(group.Id);
    expect(await screen.findByText('Could not load the group')).toBeVisible();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Retry Owner' })).toBeVisible();
  });

  it('toggles Favorites at once, then confirms with a notification', async () => {
    const group = makeGroup(['Fay Owner']);
    const answer = gate();
    const bodies: unknown[] = [];
    server.use(
      sessionHandler(agent),
      groupHandler(group),
      http.put(`/api/v1/portal/groups/${group.Id}`, async ({ request }) => {
        bodies.push(await request.json());
        await answer.opened;
        return sparkSuccess();
      }),
    );
    const { user, queryClient } = renderGroupPage(group.Id);
    const toggle = await screen.findByRole('button', { name: 'Favorites' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(queryClient.getQueryData<PortalGroup>(groupKeys.detail(group.Id))?.Tags).toEqual([
      'Favorites',
    ]);

    server.use(groupHandler({ ...group, Tags: ['Favorites'] }));
    answer.open();
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    expect(bodies).toEqual([{ D: { Tags: ['Favorites'] } }]);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('sends one write for a double click', async () => {
    const group = makeGroup(['Double Owner']);
    const answer = gate();
    let puts = 0;
    server.use(
      sessionHandler(agent),
      groupHandler(group),
      http.put(`/api/v1/portal/groups/${group.Id}`, async () => {
        puts += 1;
        await answer.opened;
        return sparkSuccess();
      }),
    );
    const { user } = renderGroupPage(group.Id);
    const toggle = await screen.findByRole('button', { name: 'Favorites' });
    await user.dblClick(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    server.use(groupHandler({ ...group, Tags: ['Favorites'] }));
    answer.open();
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    expect(puts).toBe(1);
  });

  it.each([
    [500, 1026, 'Something went wrong on the server. Please try again.'],
    [405, 1018, 'Your account can view groups but not change them'],
  ])('rolls Favorites back with an error notification on %i', async (status, code, message) => {
    const group = makeGroup(['Rollback Owner'], { Tags: ['Favorites'] });
    const answer = gate();
    server.use(
      sessionHandler(agent),
      groupHandler(group),
      http.put(`/api/v1/portal/groups/${group.Id}`, async () => {
        await answer.opened;
        return sparkError(status, code, 'refused');
      }),
    );
    const { user } = renderGroupPage(group.Id);
    const toggle = await screen.findByRole('button', { name: 'Favorites' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    answer.open();
    expect(await screen.findByText(message)).toBeVisible();
    expect(screen.getByText('Favorites not changed')).toBeVisible();
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('deletes after confirmation and returns to the list', async () => {
    const group = makeGroup(['Gone Owner']);
    let deleted = false;
    server.use(
      sessionHandler(agent),
      groupHandler(group),
      http.delete(`/api/v1/portal/groups/${group.Id}`, () => {
        deleted = true;
        return sparkSuccess();
      }),
    );
    const { user } = renderGroupPage(group.Id);
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));

    expect(await screen.findByRole('heading', { name: 'All groups' })).toBeVisible();
    expect(screen.getByText('Group deleted')).toBeVisible();
    expect(deleted).toBe(true);
  });

  it('undoes a deletion by creating the group again with the same members and tags', async () => {
    const group = makeGroup(['Una Owner', 'Ann Member', 'Ben Member'], { Tags: ['Favorites'] });
    const writes: { method: string; body: unknown }[] = [];
    const record = async ({ request }: { request: Request }) => {
      writes.push({ method: request.method, body: await request.json() });
      return sparkSuccess();
    };
    server.use(
      sessionHandler(agent),
      groupHandler(group),
      http.delete(`/api/v1/portal/groups/${group.Id}`, () => sparkSuccess()),
      http.post(`/api/v1/portal/groups/${group.Id}`, record),
      http.put(`/api/v1/portal/groups/${group.Id}`, record),
    );
    const { user } = renderGroupPage(group.Id);
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    expect(await screen.findByRole('heading', { name: 'All groups' })).toBeVisible();
    expect(screen.getByText('Group deleted')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Group restored')).toBeVisible();
    expect(writes).toEqual([
      { method: 'POST', body: { D: { Users: group.Users.map((u) => ({ Id: u.Id })) } } },
      { method: 'PUT', body: { D: { Tags: ['Favorites'] } } },
    ]);
  });

  it('keeps the group when the deletion is cancelled, focus back on the button', async () => {
    const group = makeGroup(['Kept Owner']);
    server.use(sessionHandler(agent), groupHandler(group));
    const { user } = renderGroupPage(group.Id);
    const button = await screen.findByRole('button', { name: 'Delete group' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect(screen.getByRole('heading', { level: 1, name: 'Kept Owner' })).toBeVisible();
  });

  it('is read-only for a VOW consumer', async () => {
    const group = makeGroup(['Vow Owner', 'Other Member'], { Tags: ['Favorites'] });
    server.use(sessionHandler(consumer), groupHandler(group));
    const { queryClient } = renderGroupPage(group.Id);
    expect(await screen.findByRole('heading', { level: 1, name: 'Vow Owner' })).toBeVisible();
    await waitFor(() => expect(queryClient.getQueryData(['auth', 'session'])).toBeDefined());
    expect(screen.getByText('Favorites')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Favorites' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete group' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add members' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove / })).not.toBeInTheDocument();
  });

  it('shows a loading state that never blocks on a slow session check', async () => {
    const group = makeGroup(['Slow Session']);
    server.use(http.get('/auth/session', uiStates.loading), groupHandler(group));
    renderGroupPage(group.Id);
    expect(await screen.findByRole('heading', { level: 1, name: 'Slow Session' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Delete group' })).not.toBeInTheDocument();
  });
});

describe('group page with a group as the real Spark API sends it', () => {
  it('shows an agent listed as a Member as such, with no portal state, and counts only portal members', async () => {
    server.use(
      sessionHandler(agent),
      http.get(`/api/v1/portal/groups/${REAL_GROUP_ID}`, () => Response.json(groupAsSparkSendsIt)),
    );
    renderGroupPage(REAL_GROUP_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Lindqvist' })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Members' });
    const rowOf = (name: string) => {
      const row = within(table)
        .getAllByRole('row')
        .find((candidate) => within(candidate).queryByText(name));
      if (!row) throw new Error(`No row for ${name}`);
      return row;
    };
    const agentRow = rowOf('Avery Stone');
    expect(within(agentRow).getByText('Agent')).toBeVisible();
    expect(within(agentRow).getAllByLabelText('Not shown for this user')).toHaveLength(3);
    expect(within(agentRow).queryByText(/Inactive|Disabled|Never/)).not.toBeInTheDocument();
    expect(within(agentRow).queryByRole('button', { name: 'Remove Avery Stone' })).toBeVisible();

    const tomas = rowOf('Tomás Ferreira');
    expect(within(tomas).getByText('Inactive')).toBeVisible();
    expect(within(tomas).getByText('Enabled')).toBeVisible();
    expect(within(tomas).getByRole('time')).toHaveAttribute('dateTime', '2026-09-02T17:45:10.000Z');
    expect(within(rowOf('Rosa Lindqvist')).getByRole('time')).toHaveAttribute(
      'dateTime',
      '2026-11-26T14:15:00.000Z',
    );

    const activity = await screen.findByRole(
      'region',
      { name: 'Sign-in activity' },
      { timeout: 5000 },
    );
    const counted = within(activity)
      .getAllByRole('listitem')
      .map((item) => Number(/(\d+) members?$/.exec(item.textContent ?? '')?.[1]));
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(2);
    expect(within(activity).getByText('Invited, never signed in').nextSibling).toHaveTextContent(
      '0 members',
    );
  });
});
