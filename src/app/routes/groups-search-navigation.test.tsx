import { act, fireEvent, screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../query-client.js';
import { agent, makeGroup } from '../testing/fixtures.js';
import { setupMswServer, sparkResults } from '../testing/msw.js';
import { renderAppRoutes } from '../testing/render.js';
import { sessionHandler } from '../testing/session-handler.js';

// A page's code arrives only when the test lets it. Until then React keeps the list on screen
// (the router's update is a transition): the moment a late search used to strike.
const held = vi.hoisted(() => {
  const hold = () => {
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    return { arrived, arrive: () => arrive() };
  };
  return { groupPage: hold(), newGroupPage: hold() };
});
vi.mock('./group-page.js', async (importOriginal) => {
  await held.groupPage.arrived;
  return importOriginal();
});
vi.mock('./new-group-page.js', async (importOriginal) => {
  await held.newGroupPage.arrived;
  return importOriginal();
});

const server = setupMswServer();
afterEach(() => vi.useRealTimers());

/**
 * The list with one group; types a search and, before its pause ends, clicks `linkName`. Returns
 * every address the router went to or started to, and the list's search filters sent.
 */
async function searchThenOpen(linkName: string, pageCode: { arrive: () => void }) {
  const group = makeGroup(['Owner One', 'Member A']);
  const filters: (string | null)[] = [];
  server.use(
    sessionHandler(agent),
    http.get('/api/v1/portal/groups', ({ request }) => {
      filters.push(new URL(request.url).searchParams.get('_filter'));
      return sparkResults([group], { TotalRows: 1, PageSize: 25, TotalPages: 1, CurrentPage: 1 });
    }),
    http.get(`/api/v1/portal/groups/${group.Id}`, () => delay('infinite')),
    http.get('/api/v1/contacts', () => delay('infinite')),
  );
  const { router } = renderAppRoutes('/groups', {
    queryClient: createQueryClient({ retry: false }),
  });
  const addresses: string[] = [];
  router.subscribe(({ location, navigation }) => {
    for (const at of [location, navigation.location]) {
      if (at) addresses.push(`${at.pathname}${at.search}`);
    }
  });
  const link = await screen.findByRole('link', { name: linkName });

  // The search's pause runs on a clock the test moves, so the page is opened before it ends
  // (fireEvent: user-event would wait on that clock between its steps).
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const searchbox = screen.getByRole('searchbox', { name: 'Search groups' });
  fireEvent.change(searchbox, { target: { value: 'Own' } });
  await act(async () => {
    fireEvent.click(link);
  });
  expect(router.state.location.pathname).not.toBe('/groups');
  expect(searchbox).toBeVisible();
  await act(() => vi.advanceTimersByTime(1_000));
  vi.useRealTimers();

  pageCode.arrive();
  return { group, addresses, filters };
}

describe('a search still waiting when another page is opened', () => {
  it('is dropped when a group is opened: the app stays on the group, the address never gets it', async () => {
    const { group, addresses, filters } = await searchThenOpen('Owner One', held.groupPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'Owner One' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`^/groups/${group.Id}$`));
    expect(addresses.filter((address) => address.includes('q='))).toEqual([]);
    expect(filters.filter(Boolean)).toEqual([]);
  });

  it('is dropped when "New group" is opened (a page with no loader: the router never reports loading)', async () => {
    const { addresses, filters } = await searchThenOpen('New group', held.newGroupPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'New group' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups\/new$/);
    expect(addresses.filter((address) => address.includes('q='))).toEqual([]);
    expect(filters.filter(Boolean)).toEqual([]);
  });
});
