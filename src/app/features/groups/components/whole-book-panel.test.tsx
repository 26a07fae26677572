import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { portalGroupReadSchema } from '../../../../shared/portal-groups.js';
import { seedLargeData } from '../../../../server/spark/seed.js';
import { uiStates } from '../../../testing/fixtures.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { WHOLE_BOOK_CONCURRENCY } from '../../../data/whole-book.js';
import { renderApp } from '../../../testing/render-app.js';

const backend = setupRealBackend();
/** Jordan's book: 60 groups over three pages; every 20th is a Favorite, group i has i % 7 + 1 members. */
let jordan: Session;
/** Avery's book: the demo groups and 160 more from the benchmark seeder, more than 5 pages. */
let avery: Session;
beforeAll(async () => {
  jordan = await backend.signIn('Jordan Lee');
  await jordan.replaceGroups(
    Array.from({ length: 60 }, (_, index) => ({
      owner: `Owner ${String(index + 1).padStart(2, '0')}`,
      members: Array.from({ length: index % 7 }, (__, m) => `Member ${m}`),
      favorite: index % 20 === 19,
    })),
  );
  avery = await backend.signIn('Avery Stone');
  seedLargeData(backend.server().db, { groups: 160, contacts: 160 });
});

function renderList(route = '/groups', as: Session = jordan) {
  backend.browseAs(as);
  return renderApp(route);
}

function ownerNames() {
  return within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('whole book', () => {
  it('loads every page with progress, then filters Favorites and sorts by member count across all', async () => {
    const requests: URL[] = [];
    backend.msw.use(
      backend.route('get', '/api/v1/portal/groups', {
        before: (request) => requests.push(new URL(request.url)),
      }),
    );
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Load all groups' }));
    expect(await screen.findByText('60 of 60 groups', { exact: false })).toBeInTheDocument();
    const pagesRead = requests.filter((url) => url.searchParams.get('_limit') === '25');
    expect(pagesRead.map((url) => url.searchParams.get('_page'))).toEqual(
      expect.arrayContaining(['1', '2', '3']),
    );

    await user.click(screen.getByRole('checkbox', { name: 'Favorites only' }));
    expect(await screen.findByText('3 of 60 groups', { exact: false })).toBeInTheDocument();
    expect(ownerNames()).toEqual(['Owner 20', 'Owner 40', 'Owner 60']);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('fav=1'));
    await user.click(screen.getByRole('checkbox', { name: 'Favorites only' }));
    expect(await screen.findByText('60 of 60 groups', { exact: false })).toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort all groups by' }),
      'Member count (most first)',
    );
    // Groups 7, 14, … have 7 members each; the first by owner name is Owner 07.
    await waitFor(() => expect(ownerNames()[0]).toBe('Owner 07'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('by=members'));
  });

  it('shows progress and Cancel stops further requests', async () => {
    // More than 1 + WHOLE_BOOK_CONCURRENCY pages; past the first, the pages in flight never answer.
    const total = (await avery.groups()).length;
    const requested: number[] = [];
    backend.msw.use(
      backend.route('get', '/api/v1/portal/groups', {
        before: async (request) => {
          const page = Number(new URL(request.url).searchParams.get('_page'));
          requested.push(page);
          if (page !== 1) await delay('infinite');
        },
      }),
    );
    const { user } = renderList('/groups?all=1', avery);
    expect(await screen.findByText(`Loaded 25 of ${total} groups`)).toBeInTheDocument();
    await waitFor(() => expect(Math.max(...requested)).toBe(1 + WHOLE_BOOK_CONCURRENCY));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Load all groups' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    // Pages past those already in flight were never asked for.
    expect(Math.max(...requested)).toBe(1 + WHOLE_BOOK_CONCURRENCY);
  });

  it('declines past the stated size and says why', async () => {
    backend.msw.use(
      // The real first page, claiming a book one group past the limit.
      backend.route('get', '/api/v1/portal/groups', {
        edit: async (response) => {
          // A 304 confirms the answer the app keeps, which was edited already.
          if (response.status === 304) return response;
          const body = sparkResultsSchema(portalGroupReadSchema).parse(await response.json());
          const { Pagination } = body.D;
          if (!Pagination) throw new Error('no Pagination');
          body.D.Pagination = { ...Pagination, TotalRows: 12_001, TotalPages: 481 };
          return HttpResponse.json(body, response);
        },
      }),
    );
    renderList('/groups?all=1');
    expect(
      await screen.findByText(/There are 12,001 groups; loading all of them is limited to 12,000/),
    ).toBeInTheDocument();
  });

  it('waits out a 429 and carries on', async () => {
    let refused = false;
    backend.msw.use(
      // Page 2 is refused once; every other read is the real server's.
      http.get('/api/v1/portal/groups', ({ request }) => {
        if (new URL(request.url).searchParams.get('_page') === '2' && !refused) {
          refused = true;
          return uiStates.busy(1);
        }
        return undefined;
      }),
    );
    renderList('/groups?all=1');
    expect(
      await screen.findByText('60 of 60 groups', { exact: false }, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(refused).toBe(true);
  });
});

describe('the list’s state in the address', () => {
  it('keeps both of two changes made before the page renders again', async () => {
    renderList('/groups?all=1');
    const favorites = await screen.findByRole('checkbox', { name: 'Favorites only' });
    const sort = screen.getByRole('combobox', { name: 'Sort all groups by' });

    act(() => {
      fireEvent.click(favorites);
      fireEvent.change(sort, { target: { value: 'members' } });
    });

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/groups?all=1&fav=1&by=members'),
    );
    expect(screen.getByRole('checkbox', { name: 'Favorites only' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Sort all groups by' })).toHaveValue('members');
  });

  it('keeps a sort flip and a page change made in quick succession on the pages', async () => {
    renderList('/groups');
    await screen.findByText('1–25 of 60');

    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /^Owner/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    });

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/groups?sort=-Name&page=2'),
    );
  });
});

describe('finding circles by a member, and sign-ins, across the whole book', () => {
  it('finds by a member from the pages and in the whole book, and sorts by sign-in either way', async () => {
    const groups = await jordan.groups();
    const ownerId = (name: string) => groups.find((group) => group.Users[0]?.Name === name);
    const day = 24 * 3600_000;
    for (const [name, daysAgo] of [
      ['Owner 05', 2],
      ['Owner 10', 10],
      ['Owner 03', 400],
    ] as const) {
      const group = ownerId(name);
      if (!group) throw new Error(`${name} not found`);
      backend.portalSignIn(group.ContactId, new Date(Date.now() - daysAgo * day));
    }

    // The pages: Flexmls finds no owner named "Member 5"; the members of 8 circles are.
    const { user } = renderList('/groups?q=Member%205');
    expect(await screen.findByText('No circle’s owner is named “Member 5”.')).toBeVisible();
    const found = await screen.findByRole('table', {
      name: 'Circles with a member named “Member 5”',
    });
    expect(within(found).getAllByRole('row')).toHaveLength(1 + 8);
    expect(within(found).getAllByText('Member 5 is a member')).toHaveLength(8);

    // The whole book: the same search, by owner or member, with why.
    await user.click(screen.getByRole('button', { name: 'Load all groups' }));
    // The whole book opens with the search of the pages.
    expect(await screen.findByText('8 of 60 groups', { exact: false })).toBeInTheDocument();
    const search = screen.getByRole('searchbox', { name: 'Search groups' });
    expect(search).toHaveValue('Member 5');
    await user.clear(search);
    await user.type(search, 'owner 1');
    expect(await screen.findByText('10 of 60 groups', { exact: false })).toBeInTheDocument();
    expect(screen.getAllByText('Owner 10 owns it')).toHaveLength(1);
    await user.clear(search);
    await user.type(search, 'member 5');
    expect(await screen.findAllByText('Member 5 is a member')).toHaveLength(8);
    expect(await screen.findByText('8 of 60 groups', { exact: false })).toBeInTheDocument();
    expect(ownerNames()[0]).toBe('Owner 07');
    await user.clear(search);
    expect(await screen.findByText('60 of 60 groups', { exact: false })).toBeInTheDocument();

    const table = screen.getByRole('table');
    const header = (name: RegExp) => within(table).getByRole('columnheader', { name });
    expect(header(/^Owner/)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(/^Last sign-in/)).not.toHaveAttribute('aria-sort');
    await user.click(within(table).getByRole('button', { name: /Last sign-in/ }));
    await waitFor(() =>
      expect(ownerNames().slice(0, 3)).toEqual(['Owner 05', 'Owner 10', 'Owner 03']),
    );
    expect(header(/^Last sign-in/)).toHaveAttribute('aria-sort', 'descending');
    expect(header(/^Owner/)).not.toHaveAttribute('aria-sort');
    await user.click(within(table).getByRole('button', { name: /Last sign-in/ }));
    // Oldest first: never signed in, then the oldest sign-in.
    await waitFor(() => expect(header(/^Last sign-in/)).toHaveAttribute('aria-sort', 'ascending'));
    expect(ownerNames()[0]).toBe('Owner 01');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('by=signin-oldest'),
    );
    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    await waitFor(() =>
      expect(ownerNames().slice(-3)).toEqual(['Owner 03', 'Owner 10', 'Owner 05']),
    );
  });
});
