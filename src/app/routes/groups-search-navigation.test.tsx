import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

// A page's code arrives only when the test lets it. Until then the router keeps the list on screen
// (it loads a page's code before it moves there): the moment a late search used to strike.
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

const backend = setupRealBackend();
/** Jordan's list is exactly one group. */
let jordan: Session;
let group: PortalGroup;
beforeAll(async () => {
  jordan = await backend.signIn('Jordan Lee');
  await jordan.deleteAllGroups();
  group = await jordan.createGroup({ owner: 'Owner One', members: ['Member A'] });
});
afterEach(() => vi.useRealTimers());

/**
 * The list with one group; types a search and, before its pause ends, clicks `linkName`. Returns
 * every address the router went to or started to, and the filters of the group reads sent.
 */
async function searchThenOpen(linkName: string, pageCode: { arrive: () => void }) {
  const filters: (string | null)[] = [];
  backend.browseAs(jordan);
  backend.msw.use(
    backend.route('get', '/api/v1/portal/groups', {
      before: (request) => filters.push(new URL(request.url).searchParams.get('_filter')),
    }),
  );
  const { router } = renderApp('/groups');
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
  expect(router.state.navigation.location?.pathname).toMatch(/^\/groups\/.+/);
  expect(searchbox).toBeVisible();
  await act(() => vi.advanceTimersByTime(1_000));
  vi.useRealTimers();

  pageCode.arrive();
  return { addresses, filters };
}

describe('a search still waiting when another page is opened', () => {
  it('is dropped when a group is opened: the app stays on the group, the address never gets it', async () => {
    const { addresses, filters } = await searchThenOpen('Owner One', held.groupPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'Owner One' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`^/groups/${group.Id}$`));
    expect(addresses.filter((address) => address.includes('q='))).toEqual([]);
    // The list was read unfiltered, and the typed text never sent.
    expect(filters[0]).toBeNull();
    expect(filters.filter((filter) => filter?.includes('Own'))).toEqual([]);
  });

  it('is dropped when "New group" is opened', async () => {
    const { addresses, filters } = await searchThenOpen('New group', held.newGroupPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'New group' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups\/new$/);
    expect(addresses.filter((address) => address.includes('q='))).toEqual([]);
    // The list was read unfiltered, and the typed text never sent.
    expect(filters[0]).toBeNull();
    expect(filters.filter((filter) => filter?.includes('Own'))).toEqual([]);
  });
});
