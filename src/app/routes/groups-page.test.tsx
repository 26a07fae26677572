import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { uiStates } from '../testing/fixtures.js';
import { logRequests } from '../testing/request-log.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';
import { PHONE_QUERY } from '../ui/card-list.js';

const backend = setupRealBackend();
/** Avery holds 36 groups, owners "Owner 01" … "Owner 36"; Jordan's list is each test's own. */
let avery: Session;
let jordan: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  await avery.replaceGroups(
    Array.from({ length: 36 }, (_, index) => ({
      owner: `Owner ${String(index + 1).padStart(2, '0')}`,
      members: ['Member A', 'Member B'],
    })),
  );
  jordan = await backend.signIn('Jordan Lee');
});

/** Records the URL of every list read, then lets it through to the real server. */
function recordListReads(requests: URL[]) {
  return backend.route('get', '/api/v1/portal/groups', {
    before: (request) => requests.push(new URL(request.url)),
  });
}

function renderGroupsPage(route = '/groups') {
  return renderApp(route);
}

function ownerLinks() {
  return within(screen.getByRole('table')).getAllByRole('link');
}

describe('groups page', () => {
  it('shows skeleton rows while loading, then the groups', async () => {
    backend.browseAs(avery);
    backend.msw.use(http.get('/api/v1/portal/groups', uiStates.loading));
    renderGroupsPage();
    expect(await screen.findByRole('table', { busy: true })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Owner/ })).not.toBeInTheDocument();
  });

  it('lists groups with owner link, member count, names, Favorites and last sign-in', async () => {
    const [favorite] = await jordan.replaceGroups([
      { owner: 'Carl Contact', members: ["Dana O'Brien"], favorite: true },
      { owner: 'Álvaro Núñez' },
    ]);
    backend.portalSignIn(favorite?.ContactId ?? '', new Date(Date.now() - 3 * 24 * 3600 * 1000));
    backend.browseAs(jordan);
    renderGroupsPage();

    const link = await screen.findByRole('link', { name: 'Carl Contact' });
    expect(link).toHaveAttribute('href', `/groups/${favorite?.Id}`);
    const row = link.closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(row).getByText("Carl Contact, Dana O'Brien")).toBeInTheDocument();
    expect(within(row).getByText('Favorites')).toBeInTheDocument();
    expect(within(row).getByText('3 days ago')).toBeInTheDocument();
    const plainRow = screen.getByRole('link', { name: 'Álvaro Núñez' }).closest('tr');
    if (!plainRow) throw new Error('no row');
    // In words a person would say, not a bare "Never".
    expect(within(plainRow).getByText('Never signed in')).toBeInTheDocument();
    expect(within(plainRow).getByText('Not in Favorites')).toBeInTheDocument();
    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'New group' })).toHaveAttribute(
      'href',
      '/groups/new',
    );
  });

  it('pages 25 at a time and writes ?page=', async () => {
    const requests: URL[] = [];
    backend.browseAs(avery);
    backend.msw.use(recordListReads(requests));
    const { user } = renderGroupsPage();

    expect(await screen.findByText('1–25 of 36')).toBeInTheDocument();
    expect(ownerLinks()).toHaveLength(25);
    expect(requests[0]?.searchParams.get('_limit')).toBe('25');
    expect(requests[0]?.searchParams.get('_pagination')).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('26–36 of 36')).toBeInTheDocument();
    expect(ownerLinks()[0]).toHaveTextContent('Owner 26');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups?page=2'));
    expect(requests.at(-1)?.searchParams.get('_page')).toBe('2');
  });

  it('flips the order by owner name and writes ?sort=-Name', async () => {
    const requests: URL[] = [];
    backend.browseAs(avery);
    backend.msw.use(recordListReads(requests));
    const { user } = renderGroupsPage();
    await screen.findByText('1–25 of 36');
    expect(ownerLinks()[0]).toHaveTextContent('Owner 01');
    expect(screen.getByRole('columnheader', { name: /Owner/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(screen.getByRole('button', { name: /Owner.*sort Z to A/ }));
    await waitFor(() => expect(ownerLinks()[0]).toHaveTextContent('Owner 36'));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/groups?sort=-Name'),
    );
    expect(requests.at(-1)?.searchParams.get('_orderby')).toBe('-Name');
    expect(screen.getByRole('columnheader', { name: /Owner/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('searches as you type (debounced, ?q=), shows "No groups match" and clears', async () => {
    const requests: URL[] = [];
    backend.browseAs(avery);
    backend.msw.use(recordListReads(requests));
    const { user } = renderGroupsPage('/groups?page=2');
    await screen.findByText('26–36 of 36');

    await user.type(screen.getByRole('searchbox', { name: 'Search groups' }), 'Owner 1');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/groups?q=Owner+1'),
    );
    expect(await screen.findByText('1–10 of 10')).toBeInTheDocument();
    const filters = requests.map((url) => url.searchParams.get('_filter')).filter(Boolean);
    expect(filters).toEqual(["Name Eq '*Owner 1*'"]);

    await user.clear(screen.getByRole('searchbox', { name: 'Search groups' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search groups' }), "zz'*");
    expect(await screen.findByText("No groups match “zz'*”")).toBeInTheDocument();
    expect(requests.at(-1)?.searchParams.get('_filter')).toBe("Name Eq '*zz\\'*'");

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByText('1–25 of 36')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups$/));
    expect(screen.getByRole('searchbox', { name: 'Search groups' })).toHaveValue('');
  });

  it('says "No groups yet" with a create button when there are none', async () => {
    await jordan.replaceGroups([]);
    backend.browseAs(jordan);
    renderGroupsPage();
    expect(await screen.findByText('No groups yet')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Create a group' })).toHaveAttribute(
      'href',
      '/groups/new',
    );
  });

  it('shows an error panel with Retry', async () => {
    await jordan.replaceGroups([{ owner: 'Back Again' }]);
    let fail = true;
    backend.browseAs(jordan);
    backend.msw.use(
      // Fails until told otherwise; then the real list answers.
      http.get('/api/v1/portal/groups', () => (fail ? uiStates.failing() : undefined)),
    );
    const { user } = renderGroupsPage();
    expect(await screen.findByText('Could not load the groups')).toBeInTheDocument();
    expect(screen.getByText('Something went wrong on the server. Please try again.')).toBeVisible();

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Back Again' })).toBeInTheDocument();
  });

  it('keeps the data and says so when a background refetch fails', async () => {
    await jordan.replaceGroups([{ owner: 'Kept Owner' }]);
    backend.browseAs(jordan);
    const { queryClient } = renderGroupsPage();
    await screen.findByRole('link', { name: 'Kept Owner' });

    backend.msw.use(http.get('/api/v1/portal/groups', () => uiStates.busy(7)));
    await queryClient.refetchQueries({ queryKey: ['groups'] });
    const alert = (await screen.findByText('Could not refresh the groups')).closest(
      '[role="alert"]',
    );
    expect(alert).toHaveTextContent(
      'Showing the groups as last loaded. Flexmls is busy, retrying in 7 s',
    );
    expect(screen.getByRole('link', { name: 'Kept Owner' })).toBeInTheDocument();
  });

  it('shows no write controls to a consumer', async () => {
    const sofia = await backend.signIn('Sofía Álvarez');
    // Avery's demo groups, Sofía's among them, gave way to this file's: she is in none now.
    expect(await sofia.groups()).toEqual([]);
    backend.browseAs(sofia);
    const { queryClient } = renderGroupsPage();
    expect(await screen.findByText('No groups yet')).toBeInTheDocument();
    await waitFor(() => expect(queryClient.getQueryData(['auth', 'session'])).toBeDefined());
    expect(screen.queryByRole('link', { name: 'Create a group' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New group' })).not.toBeInTheDocument();
  });

  it('a breadcrumb leads from a group back to the list as it was (search, sort, page)', async () => {
    backend.browseAs(avery);
    const { user } = renderGroupsPage('/groups?q=Owner&sort=-Name&page=2');
    expect(await screen.findByText('26–36 of 36')).toBeInTheDocument();
    const link = ownerLinks()[0];
    if (!link) throw new Error('no link');
    const owner = link.textContent ?? '';
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: owner })).toBeVisible();
    const breadcrumb = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(breadcrumb.getByText(owner)).toHaveAttribute('aria-current', 'page');
    await user.click(breadcrumb.getByRole('link', { name: 'Groups' }));
    expect(await screen.findByText('26–36 of 36')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/groups?q=Owner&sort=-Name&page=2'),
    );
    expect(screen.getByRole('searchbox', { name: 'Search groups' })).toHaveValue('Owner');
  });

  it('opens a group at once from the list data, before its own request answers', async () => {
    const [group] = await jordan.replaceGroups([
      { owner: 'Instant Owner', members: ['Second Member'] },
    ]);
    backend.browseAs(jordan);
    backend.msw.use(http.get(`/api/v1/portal/groups/${group?.Id}`, uiStates.loading));
    const { user } = renderGroupsPage();
    const link = await screen.findByRole('link', { name: 'Instant Owner' });
    await user.hover(link);
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Instant Owner' })).toBeVisible();
  });

  it('prepares a circle on intent (a pointer resting on its row, a finger on it), not when a pointer passes over', async () => {
    const [passed, rested, touched] = await jordan.replaceGroups([
      { owner: 'Passed Owner', members: ['Passed Member'] },
      { owner: 'Rested Owner', members: ['Rested Member'] },
      { owner: 'Touched Owner', members: ['Touched Member'] },
    ]);
    backend.browseAs(jordan);
    const log = logRequests(backend);
    const { user } = renderGroupsPage();
    const emailReadsOf = (group: PortalGroup | undefined) =>
      log.requests.filter(
        (request) =>
          request.path === '/contacts' &&
          group?.Users.some((member) => request.search.get('_filter')?.includes(member.Id)),
      );
    const passedLink = await screen.findByRole('link', { name: 'Passed Owner' });
    // A wheel scrolling the list past a still pointer: in and out of the row at once.
    fireEvent.mouseEnter(passedLink);
    fireEvent.mouseLeave(passedLink);
    await user.hover(screen.getByRole('link', { name: 'Rested Owner' }));
    await waitFor(() => expect(emailReadsOf(rested)).toHaveLength(1));
    expect(emailReadsOf(passed)).toHaveLength(0);

    fireEvent.touchStart(screen.getByRole('link', { name: 'Touched Owner' }));
    await waitFor(() => expect(emailReadsOf(touched)).toHaveLength(1));
    // The circle opens with its members and their e-mails from what intent read: no read again.
    await user.click(screen.getByRole('link', { name: 'Touched Owner' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Touched Owner' })).toBeVisible();
    expect(await screen.findByText(/touched member/i)).toBeVisible();
    expect(emailReadsOf(touched)).toHaveLength(1);
    expect(log.requests.filter((request) => request.path.startsWith('/portal/groups/'))).toEqual(
      [],
    );
  });
});

describe('groups page on a phone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the groups as stacked cards with their actions visible, and no table', async () => {
    const matchMedia = window.matchMedia;
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
      ...matchMedia(query),
      matches: query === PHONE_QUERY,
    }));
    const [favorite] = await jordan.replaceGroups([
      { owner: 'Carl Contact', members: ["Dana O'Brien"], favorite: true },
      { owner: 'Álvaro Núñez' },
    ]);
    backend.browseAs(jordan);
    // A phone never draws the table first (it would be drawn twice, and flash).
    let tableDrawn = false;
    const watch = new MutationObserver((records) => {
      const changed = records.flatMap((record) => [...record.addedNodes, ...record.removedNodes]);
      tableDrawn ||= changed.some(
        (node) =>
          node instanceof Element && (node.matches('table') || !!node.querySelector('table')),
      );
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const { user } = renderGroupsPage();

    const list = await screen.findByRole('list', { name: 'Portal groups' });
    await within(list).findByRole('link', { name: 'Carl Contact' });
    watch.disconnect();
    expect(tableDrawn).toBe(false);
    expect(screen.queryByRole('table')).toBeNull();
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const carl = cards.find((item) => within(item).queryByRole('link', { name: 'Carl Contact' }));
    const card = within(carl ?? list);
    expect(card.getByRole('link', { name: 'Carl Contact' })).toHaveAttribute(
      'href',
      `/groups/${favorite?.Id}`,
    );
    expect(card.getByText("2 members: Carl Contact, Dana O'Brien")).toBeVisible();
    expect(card.getByText('Favorites')).toBeVisible();
    expect(card.getByText('No one signed in yet')).toBeVisible();

    await user.click(await card.findByRole('checkbox', { name: 'Select Carl Contact' }));
    expect(await screen.findByRole('region', { name: 'Bulk actions' })).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Select all on this page' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /Owner.*sort Z to A/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('sort=-Name'));
  });
});
