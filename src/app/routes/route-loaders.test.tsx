import { act, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
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

  it('send no reads for a signed-out visitor: the sign-in check comes first', async () => {
    const reads: string[] = [];
    backend.browseAs(null);
    backend.msw.use(
      http.get('/api/*', ({ request }) => {
        reads.push(new URL(request.url).pathname);
        return delay('infinite');
      }),
    );
    renderApp('/groups/20240101000000000000000001?page=2');
    expect(await screen.findByRole('link', { name: /Sign in with Flexmls/ })).toBeVisible();
    expect(reads).toEqual([]);
  });
});
