import { act, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../query-client.js';
import { groupsListHandler } from '../test/fake-groups.js';
import { agent, makeGroup } from '../test/fixtures.js';
import { setupMswServer } from '../test/msw.js';
import { renderAppRoutes } from '../test/render.js';
import { sessionHandler } from '../test/session-handler.js';

const server = setupMswServer();

describe('route loaders', () => {
  it('open a group from a list page at once, even with no hover first, with nothing of its own read answered yet', async () => {
    const group = makeGroup(['Loader Owner', 'Second Member']);
    server.use(
      sessionHandler(agent),
      groupsListHandler([group]),
      // Anything the group page reads itself never answers: what it shows came from the list.
      http.get(`/api/v1/portal/groups/${group.Id}`, () => delay('infinite')),
      http.get('/api/v1/contacts', () => delay('infinite')),
    );
    const { router } = renderAppRoutes('/groups', {
      queryClient: createQueryClient({ retry: false }),
    });
    expect(await screen.findByRole('link', { name: 'Loader Owner' })).toBeVisible();

    // A navigation that no link hover or focus prepared (Back, a bookmark, the palette).
    await act(() => router.navigate(`/groups/${group.Id}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Loader Owner' })).toBeVisible();
    expect(screen.getByText('Second Member')).toBeVisible();
  });

  it('send no reads for a signed-out visitor: the sign-in check comes first', async () => {
    const reads: string[] = [];
    server.use(
      sessionHandler(null),
      http.get('/api/*', ({ request }) => {
        reads.push(new URL(request.url).pathname);
        return delay('infinite');
      }),
    );
    renderAppRoutes('/groups/20240101000000000000000001?page=2', {
      queryClient: createQueryClient({ retry: false }),
    });
    expect(await screen.findByRole('link', { name: /Sign in with Flexmls/ })).toBeVisible();
    expect(reads).toEqual([]);
  });
});
