import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../query-client.js';
import { GroupsPage } from '../../../routes/groups-page.js';
import { agent, makeGroup } from '../../../test/fixtures.js';
import { groupsListHandler } from '../../../test/fake-groups.js';
import { LocationProbe } from '../../../test/location-probe.js';
import { setupMswServer, sparkError, sparkResults } from '../../../test/msw.js';
import { WHOLE_BOOK_CONCURRENCY } from './load-whole-book.js';
import { renderWithProviders } from '../../../test/render.js';
import { sessionHandler } from '../../../test/session-handler.js';

const server = setupMswServer();

/** 60 groups over three pages; every 20th is a Favorite, and group i has i % 7 + 1 members. */
const book = Array.from({ length: 60 }, (_, index) =>
  makeGroup(
    [
      `Owner ${String(index + 1).padStart(2, '0')}`,
      ...Array.from({ length: index % 7 }, (__, m) => `Member ${m}`),
    ],
    { Tags: index % 20 === 19 ? ['Favorites'] : [] },
  ),
);

function renderList(route = '/groups') {
  return renderWithProviders(
    <>
      <GroupsPage />
      <LocationProbe />
    </>,
    { route, path: '/groups', queryClient: createQueryClient({ retry: false }) },
  );
}

function ownerNames() {
  return within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('whole book', () => {
  it('loads every page with progress, then filters Favorites and sorts by member count across all', async () => {
    const requests: URL[] = [];
    server.use(sessionHandler(agent), groupsListHandler(book, requests));
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Load all groups' }));
    expect(await screen.findByText('60 of 60 groups', { exact: false })).toBeInTheDocument();
    const pagesRead = requests.filter((url) => url.searchParams.get('_limit') === '25');
    expect(pagesRead.map((url) => url.searchParams.get('_page'))).toEqual(
      expect.arrayContaining(['1', '2', '3']),
    );

    await user.click(screen.getByRole('checkbox', { name: 'Favorites only' }));
    expect(screen.getByText('3 of 60 groups', { exact: false })).toBeInTheDocument();
    expect(ownerNames()).toEqual(['Owner 20', 'Owner 40', 'Owner 60']);
    expect(screen.getByTestId('location')).toHaveTextContent('fav=1');
    await user.click(screen.getByRole('checkbox', { name: 'Favorites only' }));

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort all groups by' }),
      'Member count (most first)',
    );
    // Groups 7, 14, … have 7 members each; the first by owner name is Owner 07.
    expect(ownerNames()[0]).toBe('Owner 07');
    expect(screen.getByTestId('location')).toHaveTextContent('by=members');
  });

  it('shows progress and Cancel stops further requests', async () => {
    // Eight pages; past the first, the pages in flight never answer.
    const requested: number[] = [];
    const list = groupsListHandler(book);
    server.use(
      sessionHandler(agent),
      http.get('/api/v1/portal/groups', async ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('_page'));
        requested.push(page);
        if (page !== 1) await delay('infinite');
        return sparkResults(book.slice(0, 25), {
          TotalRows: 200,
          PageSize: 25,
          TotalPages: 8,
          CurrentPage: 1,
        });
      }),
      list,
    );
    const { user } = renderList('/groups?all=1');
    expect(await screen.findByText('Loaded 25 of 200 groups')).toBeInTheDocument();
    await waitFor(() => expect(Math.max(...requested)).toBe(1 + WHOLE_BOOK_CONCURRENCY));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Load all groups' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    // Pages past those already in flight were never asked for.
    expect(Math.max(...requested)).toBe(1 + WHOLE_BOOK_CONCURRENCY);
  });

  it('declines past the stated size and says why', async () => {
    server.use(
      sessionHandler(agent),
      http.get('/api/v1/portal/groups', () =>
        sparkResults(book.slice(0, 25), {
          TotalRows: 12001,
          PageSize: 25,
          TotalPages: 201,
          CurrentPage: 1,
        }),
      ),
    );
    renderList('/groups?all=1');
    expect(
      await screen.findByText(/There are 12,001 groups; loading all of them is limited to 12,000/),
    ).toBeInTheDocument();
  });

  it('waits out a 429 and carries on', async () => {
    const list = groupsListHandler(book);
    let refused = false;
    server.use(
      sessionHandler(agent),
      http.get('/api/v1/portal/groups', ({ request }) => {
        if (new URL(request.url).searchParams.get('_page') === '2' && !refused) {
          refused = true;
          return sparkError(429, 1550, 'Busy', { 'Retry-After': '1' });
        }
        return undefined;
      }),
      list,
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
    server.use(sessionHandler(agent), groupsListHandler(book));
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
    server.use(sessionHandler(agent), groupsListHandler(book));
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
