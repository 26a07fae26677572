import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { setupRealBackend, type Session } from '../../testing/real-backend.js';
import { renderApp } from '../../testing/render-app.js';

const backend = setupRealBackend();

// The menu is loaded on first use; load it once here so that no test's wait includes compiling it
// (on a busy machine that alone outlasted the wait for the menu).
beforeAll(async () => {
  await import('./components/working-for-menu.js');
});

let avery: Session;
let jordan: Session;
/** Riley Park, the demo assistant, working for Avery and Jordan. */
let riley: Session;
let jordanGroup: PortalGroup;

/** A new session of Riley's with the given agents added through the real flow. */
async function rileyFor(...agents: ('Avery Stone' | 'Jordan Lee')[]) {
  const session = await backend.signIn('Riley Park');
  for (const agent of agents) await backend.addAgent(session, agent);
  return session;
}

beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  await avery.replaceGroups([{ owner: 'Avery Client' }]);
  jordan = await backend.signIn('Jordan Lee');
  await jordan.deleteAllGroups();
  jordanGroup = await jordan.createGroup({ owner: 'Jordan Client' });
  riley = await rileyFor('Avery Stone', 'Jordan Lee');
});

/** Records the URL of every group list the app asks for, own or an agent's. */
function recordListRequests(requests: URL[]) {
  return http.get('/api/*', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/v1/portal/groups')) requests.push(url);
    // Answering nothing lets the request through to the real server.
  });
}

async function chooseInMenu(user: ReturnType<typeof renderApp>['user'], item: string | RegExp) {
  await user.click(await screen.findByRole('button', { name: /^Working for/ }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

describe('working for an agent', () => {
  it('switches every query key and request path to the agent chosen, and back', async () => {
    const requests: URL[] = [];
    backend.browseAs(riley);
    backend.msw.use(recordListRequests(requests));
    const { user, queryClient } = renderApp('/groups');
    expect(await screen.findByText('No groups yet')).toBeVisible();
    expect(screen.queryByRole('status', { name: /working for/i })).not.toBeInTheDocument();

    await chooseInMenu(user, 'Avery Stone');
    expect(await screen.findByRole('link', { name: 'Avery Client' })).toBeVisible();
    expect(screen.getByRole('status', { name: 'You are working for Avery Stone' })).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${avery.user.Id}/groups`);
    expect(requests.at(-1)?.pathname).toBe(`/api/agents/${avery.user.Id}/v1/portal/groups`);
    expect(
      queryClient.getQueriesData({ queryKey: ['groups', avery.user.Id, 'list'] }),
    ).toHaveLength(1);

    await chooseInMenu(user, 'Jordan Lee');
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Avery Client' })).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'You are working for Jordan Lee' })).toBeVisible();
    expect(requests.at(-1)?.pathname).toBe(`/api/agents/${jordan.user.Id}/v1/portal/groups`);

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
    backend.browseAs(riley);
    backend.msw.use(
      backend.route('get', `/api/agents/${avery.user.Id}/v1/portal/groups`, {
        before: () => {
          averyAsked = true;
          return averyHeld;
        },
      }),
    );
    const { user, queryClient } = renderApp(`/for/${avery.user.Id}/groups`);
    await waitFor(() => expect(averyAsked).toBe(true));
    await chooseInMenu(user, 'Jordan Lee');
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    answerAvery();
    // Avery's answer arrives now; it may not reach Jordan's screen or cache.
    await waitFor(() =>
      expect(queryClient.isFetching({ queryKey: ['groups', avery.user.Id] })).toBe(0),
    );
    expect(screen.queryByRole('link', { name: 'Avery Client' })).not.toBeInTheDocument();
    const jordanData = queryClient
      .getQueriesData<{ groups: { Id: string }[] }>({ queryKey: ['groups', jordan.user.Id] })
      .flatMap(([, data]) => data?.groups.map((group) => group.Id) ?? []);
    expect(jordanData).toEqual([jordanGroup.Id]);
  });

  it('shows the agent’s list again after leaving it while its answer was still arriving', async () => {
    // Avery's first answer: its headers (and ETag) arrive, its body is still on the way when
    // Riley switches to Jordan, and the switch cancels the read, as a browser does on a slow
    // network. Riley then comes back to Avery.
    let cancelBody: () => void = () => undefined;
    const cancelled = new Promise<void>((resolve) => (cancelBody = resolve));
    let averyAnswers = 0;
    backend.browseAs(riley);
    backend.msw.use(
      backend.route('get', `/api/agents/${avery.user.Id}/v1/portal/groups`, {
        edit: async (response) => {
          averyAnswers += 1;
          // An app that never gets a usable answer asks on and on; fail instead of waiting.
          if (averyAnswers > 3) throw new Error('Avery’s list was asked for again and again');
          if (averyAnswers > 1) return response;
          const body = new Uint8Array(await response.arrayBuffer());
          const arriving = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(body.subarray(0, 10));
            },
            async pull(controller) {
              await cancelled;
              controller.error(new DOMException('The user aborted a request.', 'AbortError'));
            },
          });
          return new Response(arriving, { status: response.status, headers: response.headers });
        },
      }),
    );
    const { user } = renderApp(`/for/${avery.user.Id}/groups`);
    await waitFor(() => expect(averyAnswers).toBe(1));
    await chooseInMenu(user, 'Jordan Lee');
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    cancelBody();

    await chooseInMenu(user, 'Avery Stone');
    expect(await screen.findByRole('link', { name: 'Avery Client' })).toBeVisible();
    expect(screen.getByRole('status', { name: 'You are working for Avery Stone' })).toBeVisible();
  });

  it('treats an answer made with another account’s token as an error, never as data', async () => {
    backend.browseAs(riley);
    backend.msw.use(
      // Avery's real list, labelled as made with Jordan's token.
      backend.route('get', `/api/agents/${avery.user.Id}/v1/portal/groups`, {
        edit: (response) => {
          response.headers.set('X-Acting-For', jordan.user.Id);
          return response;
        },
      }),
    );
    const { queryClient } = renderApp(`/for/${avery.user.Id}/groups`);
    expect(await screen.findByText('Could not load the groups')).toBeVisible();
    expect(screen.getByText(/answer was for another account/)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Avery Client' })).not.toBeInTheDocument();
    const cached = queryClient
      .getQueriesData({ queryKey: ['groups'] })
      .filter(([, data]) => data !== undefined);
    expect(cached).toEqual([]);
  });

  it('removes an agent after a confirmation, forgets its data and goes on with the agent left', async () => {
    const removed: string[] = [];
    backend.browseAs(await rileyFor('Avery Stone', 'Jordan Lee'));
    backend.msw.use(
      backend.route('delete', '/auth/agents/:agentId', {
        before: (request) => removed.push(new URL(request.url).pathname),
      }),
    );
    const { user, queryClient } = renderApp(`/for/${avery.user.Id}/groups`);
    expect(await screen.findByRole('link', { name: 'Avery Client' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove Avery Stone…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Avery Stone?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove agent' }));

    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    expect(screen.getByRole('status', { name: 'You are working for Jordan Lee' })).toBeVisible();
    expect(removed).toEqual([`/auth/agents/${avery.user.Id}`]);
    expect(window.location.pathname).toBe(`/for/${jordan.user.Id}/groups`);
    await waitFor(() =>
      expect(queryClient.getQueriesData({ queryKey: ['groups', avery.user.Id] })).toEqual([]),
    );
    await user.click(screen.getByRole('button', { name: /^Working for/ }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByText('Avery Stone')).not.toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: 'Jordan Lee' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  it('returns to the own account when the last agent is removed', async () => {
    backend.browseAs(await rileyFor('Avery Stone'));
    const { user } = renderApp(`/for/${avery.user.Id}/groups`);
    expect(await screen.findByRole('link', { name: 'Avery Client' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove Avery Stone…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Avery Stone?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove agent' }));
    expect(
      await screen.findByRole('heading', { name: 'Add the agents you work for' }),
    ).toBeVisible();
    expect(window.location.pathname).toBe('/groups');
    expect(screen.queryByText(/You are working for/)).not.toBeInTheDocument();
  });

  it('shows an assistant with no agent yet what to do first, not "No groups yet"', async () => {
    backend.browseAs(await rileyFor());
    renderApp('/groups');
    expect(
      await screen.findByRole('heading', { name: 'Add the agents you work for' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Add an agent' })).toHaveAttribute(
      'href',
      `/auth/agents/add?returnTo=${encodeURIComponent('/groups')}`,
    );
    expect(screen.queryByText('No groups yet')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New group' })).not.toBeInTheDocument();
    expect(screen.queryByRole('searchbox', { name: 'Search groups' })).not.toBeInTheDocument();
  });

  it('works for the agent just added, and says so', async () => {
    backend.browseAs(riley);
    renderApp(`/groups?agent=${jordan.user.Id}`);
    expect(await screen.findByRole('link', { name: 'Jordan Client' })).toBeVisible();
    expect(
      await screen.findByText('Jordan Lee was added. You are now working for Jordan Lee.'),
    ).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${jordan.user.Id}/groups`);
    expect(window.location.search).toBe('');
  });

  it.each([
    ['self', /was your own Flexmls sign-in/],
    ['not-agent', /not an agent/],
    ['not-allowed', /only agents and their assistants can add one/],
    ['limit', /already work for 20 agents.*Remove one/],
    ['session', /Sign in again, then add the agent/],
  ])('explains a refused "Add an agent" (%s)', async (reason, message) => {
    backend.browseAs(riley);
    const { user } = renderApp(`/groups?agentError=${reason}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No agent was added');
    expect(alert).toHaveTextContent(message);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups$/);
  });

  it('offers only "Add an agent" before any agent is added, coming back to the same page', async () => {
    backend.browseAs(await rileyFor());
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
    backend.browseAs(await backend.signIn('Sofía Álvarez'));
    renderApp('/groups');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Working for/ })).not.toBeInTheDocument();
  });
});
