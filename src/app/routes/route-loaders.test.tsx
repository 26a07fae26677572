import { act, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startEarlyReads } from '../boot/early-reads.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';
import { uiStates } from '../testing/fixtures.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

describe('route loaders', () => {
  it('open a group from a list page at once, even with no hover first, with nothing of its own read answered yet', async () => {
    const [group] = await avery.replaceGroups([
      { owner: 'Loader Owner', members: ['Second Member'] },
    ]);
    if (!group) throw new Error('no group');
    backend.browseAs(avery);
    backend.msw.use(
      // Anything the group page reads itself never answers: what it shows came from the list.
      http.get(`/api/v1/portal/groups/${group.Id}`, uiStates.loading),
      http.get('/api/v1/contacts', uiStates.loading),
    );
    const { router } = renderApp('/groups');
    expect(await screen.findByRole('link', { name: 'Loader Owner' })).toBeVisible();

    // A navigation that no link hover or focus prepared (Back, a bookmark, the palette).
    await act(() => router.navigate(`/groups/${group.Id}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Loader Owner' })).toBeVisible();
    expect(screen.getByText('Second Member')).toBeVisible();
  });

  it('start the list read beside the sign-in check on a first visit, not after it', async () => {
    await avery.replaceGroups([{ owner: 'Parallel Owner' }]);
    backend.browseAs(avery);
    const asked: string[] = [];
    let answerSession = () => {};
    const sessionHeld = new Promise<void>((resolve) => (answerSession = resolve));
    backend.msw.use(
      backend.route('get', '/auth/session', { before: () => sessionHeld }),
      backend.route('get', '/api/v1/portal/groups', {
        before: (request) => void asked.push(new URL(request.url).pathname),
      }),
    );
    renderApp('/groups');
    // The session check has not answered, and the list read has gone out.
    await vi.waitFor(() => expect(asked).toEqual(['/api/v1/portal/groups']));
    answerSession();
    expect(await screen.findByRole('link', { name: 'Parallel Owner' })).toBeVisible();
    expect(asked).toEqual(['/api/v1/portal/groups']);
  });

  it('take a first visit’s reads asked for before the app’s code ran, asking for each once', async () => {
    await avery.replaceGroups([{ owner: 'Early Owner' }]);
    backend.browseAs(avery);
    const asked: string[] = [];
    backend.msw.use(
      backend.route('get', '/auth/session', { before: () => void asked.push('session') }),
      backend.route('get', '/api/v1/portal/groups', {
        before: (request) => void asked.push(new URL(request.url).pathname),
      }),
    );
    window.history.replaceState(null, '', '/groups');
    startEarlyReads(window.location);
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    renderApp('/groups');
    expect(await screen.findByRole('link', { name: 'Early Owner' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(asked.sort()).toEqual(['/api/v1/portal/groups', 'session']);
  });

  it('show a signed-out visitor the sign-in page, not "session ended", whatever their reads got', async () => {
    const reads: string[] = [];
    backend.browseAs(null);
    backend.msw.use(
      backend.route('get', '/api/*', {
        before: (request) => void reads.push(new URL(request.url).pathname),
      }),
    );
    renderApp('/groups?page=2');
    expect(await screen.findByRole('link', { name: /Sign in with Flexmls/ })).toBeVisible();
    expect(
      screen.getByText('You are signed out. Sign in to manage your portal groups.'),
    ).toBeVisible();
    // The one read that went out beside the check, refused; nothing for an agent's account.
    expect(reads).toEqual(['/api/v1/portal/groups']);
  });

  it('send no reads for an agent’s account before the sign-in check says the agent is there', async () => {
    const reads: string[] = [];
    backend.browseAs(null);
    backend.msw.use(
      http.get('/api/*', ({ request }) => {
        reads.push(new URL(request.url).pathname);
        return delay('infinite');
      }),
    );
    renderApp('/for/20240101000000000000000002/groups/20240101000000000000000001');
    expect(await screen.findByRole('link', { name: /Sign in with Flexmls/ })).toBeVisible();
    expect(reads).toEqual([]);
  });
});
