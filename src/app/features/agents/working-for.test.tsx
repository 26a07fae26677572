import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { actingFor, setActingFor } from '../../api/acting-for.js';
import { sparkRead, WRONG_ACCOUNT } from '../../api/spark-fetch.js';
import { portalGroupReadSchema } from '../../../shared/portal-groups.js';
import { groupsListHandler } from '../../test/fake-groups.js';
import { assistant, averyAgent, consumer, jordanAgent, makeGroup } from '../../test/fixtures.js';
import { setupMswServer } from '../../test/msw.js';
import { renderApp } from '../../test/render-app.js';
import { sessionHandler } from '../../test/session-handler.js';

const server = setupMswServer();

// The menu is loaded on first use; load it once here so that no test's wait includes compiling it
// (on a busy machine that alone outlasted the wait for the menu).
beforeAll(async () => {
  await import('./components/working-for-menu.js');
});

const riley = { ...assistant, Agents: [averyAgent, jordanAgent] };
const averyGroup = makeGroup(['Avery Client']);
const jordanGroup = makeGroup(['Jordan Client']);

function standardHandlers(requests: URL[] = []) {
  return [
    sessionHandler(riley),
    groupsListHandler([], requests, { actingFor: assistant.Id }),
    groupsListHandler([averyGroup], requests, { agentId: averyAgent.Id }),
    groupsListHandler([jordanGroup], requests, { agentId: jordanAgent.Id }),
  ];
}

async function chooseInMenu(user: ReturnType<typeof renderApp>['user'], item: string | RegExp) {
  await user.click(await screen.findByRole('button', { name: /^Working for/ }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

describe('working for an agent', () => {
  it('switches every query key and request path to the agent chosen, and back', async () => {
    const requests: URL[] = [];
    server.use(...standardHandlers(requests));
    const { user, queryClient } = renderApp('/groups');
    expect(await screen.findByText('No groups yet')).toBeVisible();
    expect(screen.queryByRole('status', { name: /working for/i })).not.toBeInTheDocument();

    await chooseInMenu(user, 'Avery Stone');
    expect(await screen.findByRole('link', { name: 'Avery Client' })).toBeVisible();
    expect(screen.getByRole('status', { name: 'You are working for Avery Stone' })).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${averyAgent.Id}/groups`);
    expect(requests.at(-1)?.pathname).toBe(`/api/agents/${averyAgent.Id}/v1/portal/groups`);
    expect(
      queryClient.getQueriesData({ queryKey: ['groups', averyAgent.Id, 'list'] }),
    ).toHaveLength(1);

    await chooseInMenu(user, 'Jordan Lee');
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Avery Client' })).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'You are working for Jordan Lee' })).toBeVisible();
    expect(requests.at(-1)?.pathname).toBe(`/api/agents/${jordanAgent.Id}/v1/portal/groups`);

    await user.click(screen.getByRole('button', { name: 'Back to my account' }));
    expect(await screen.findByText('No groups yet')).toBeVisible();
    expect(window.location.pathname).toBe('/groups');
    // The own list comes back from its own cache entry, untouched by the agents' lists.
    const ownLists = queryClient.getQueriesData<{ groups: unknown[] }>({
      queryKey: ['groups', 'me', 'list'],
    });
    expect(ownLists.map(([, data]) => data?.groups)).toEqual([[]]);
  });

  it('never shows a late answer for the agent left under the agent now chosen', async () => {
    let answerAvery: () => void = () => undefined;
    const averyHeld = new Promise<void>((resolve) => (answerAvery = resolve));
    let averyAsked = false;
    server.use(
      sessionHandler(riley),
      groupsListHandler([averyGroup], [], {
        agentId: averyAgent.Id,
        before: () => {
          averyAsked = true;
          return averyHeld;
        },
      }),
      groupsListHandler([jordanGroup], [], { agentId: jordanAgent.Id }),
    );
    const { user, queryClient } = renderApp(`/for/${averyAgent.Id}/groups`);
    await waitFor(() => expect(averyAsked).toBe(true));
    await chooseInMenu(user, 'Jordan Lee');
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    answerAvery();
    // Avery's answer arrives now; it may not reach Jordan's screen or cache.
    await waitFor(() =>
      expect(queryClient.isFetching({ queryKey: ['groups', averyAgent.Id] })).toBe(0),
    );
    expect(screen.queryByRole('link', { name: 'Avery Client' })).not.toBeInTheDocument();
    const jordanData = queryClient
      .getQueriesData<{ groups: { Id: string }[] }>({ queryKey: ['groups', jordanAgent.Id] })
      .flatMap(([, data]) => data?.groups.map((group) => group.Id) ?? []);
    expect(jordanData).toEqual([jordanGroup.Id]);
  });

  it('discards a read that answers after the tab switched accounts', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(groupsListHandler([averyGroup], [], { agentId: averyAgent.Id, before: () => held }));
    setActingFor(averyAgent.Id);
    const read = sparkRead(portalGroupReadSchema, { path: '/portal/groups' });
    setActingFor(jordanAgent.Id);
    release();
    await expect(read).rejects.toMatchObject({ code: WRONG_ACCOUNT });
    setActingFor(null);
    expect(actingFor()).toBeNull();
  });

  it('treats an answer made with another account’s token as an error, never as data', async () => {
    server.use(
      sessionHandler(riley),
      groupsListHandler([jordanGroup], [], { agentId: averyAgent.Id, actingFor: jordanAgent.Id }),
    );
    const { queryClient } = renderApp(`/for/${averyAgent.Id}/groups`);
    expect(await screen.findByText('Could not load groups')).toBeVisible();
    expect(screen.getByText(/answer was for another account/)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Jordan Client' })).not.toBeInTheDocument();
    const cached = queryClient
      .getQueriesData({ queryKey: ['groups'] })
      .filter(([, data]) => data !== undefined);
    expect(cached).toEqual([]);
  });

  it('removes an agent after a confirmation, forgets its data and returns to the own account', async () => {
    let agents = [averyAgent, jordanAgent];
    const removed: string[] = [];
    server.use(
      http.get('/auth/session', () => HttpResponse.json({ ...assistant, Agents: agents })),
      ...standardHandlers(),
      http.delete('/auth/agents/:agentId', ({ params, request }) => {
        if (request.headers.get('X-Requested-With') !== 'PortalGroupsAdmin')
          return new HttpResponse(null, { status: 403 });
        removed.push(String(params.agentId));
        agents = agents.filter((a) => a.Id !== params.agentId);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, queryClient } = renderApp(`/for/${averyAgent.Id}/groups`);
    expect(await screen.findByRole('link', { name: 'Avery Client' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove Avery Stone…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Avery Stone?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove agent' }));

    expect(await screen.findByText('No groups yet')).toBeVisible();
    expect(removed).toEqual([averyAgent.Id]);
    expect(window.location.pathname).toBe('/groups');
    expect(screen.queryByText(/You are working for/)).not.toBeInTheDocument();
    expect(queryClient.getQueriesData({ queryKey: ['groups', averyAgent.Id] })).toEqual([]);
    await user.click(screen.getByRole('button', { name: /^Working for/ }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByText('Avery Stone')).not.toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: 'Jordan Lee' })).toBeVisible();
    expect(within(menu).getByRole('menuitem', { name: /My account/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  it('works for the agent just added, and says so', async () => {
    server.use(...standardHandlers());
    renderApp(`/groups?agent=${jordanAgent.Id}`);
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    expect(
      await screen.findByText('Jordan Lee was added. You are now working for Jordan Lee.'),
    ).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${jordanAgent.Id}/groups`);
    expect(window.location.search).toBe('');
  });

  it.each([
    ['self', /was your own Flexmls sign-in/],
    ['not-agent', /not an agent/],
    ['limit', /already work for 20 agents.*Remove one/],
    ['session', /Sign in again, then add the agent/],
  ])('explains a refused "Add an agent" (%s)', async (reason, message) => {
    server.use(...standardHandlers());
    const { user } = renderApp(`/groups?agentError=${reason}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No agent was added');
    expect(alert).toHaveTextContent(message);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups$/);
  });

  it('offers only "Add an agent" before any agent is added, coming back to the same page', async () => {
    server.use(
      sessionHandler({ ...assistant, Agents: [] }),
      groupsListHandler([], [], { actingFor: assistant.Id }),
    );
    const { user } = renderApp('/groups?q=ann');
    await user.click(await screen.findByRole('button', { name: 'Working for My account' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitem', { name: /My account/ })).not.toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: 'Add an agent' })).toHaveAttribute(
      'href',
      `/auth/agents/add?returnTo=${encodeURIComponent('/groups?q=ann')}`,
    );
  });

  it('is not offered to consumers', async () => {
    server.use(sessionHandler(consumer), groupsListHandler([]));
    renderApp('/groups');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Working for/ })).not.toBeInTheDocument();
  });
});
