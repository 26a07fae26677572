import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { createQueryClient } from '../../query-client.js';
import { GroupsPage } from '../../routes/groups-page.js';
import { agent, consumer, makeGroup } from '../../test/fixtures.js';
import { groupsListHandler } from '../../test/fake-groups.js';
import { LocationProbe } from '../../test/location-probe.js';
import { setupMswServer, sparkError, sparkSuccess } from '../../test/msw.js';
import { renderWithProviders } from '../../test/render.js';
import { sessionHandler } from '../../test/session-handler.js';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const server = setupMswServer();

function renderList(route = '/groups') {
  return renderWithProviders(
    <>
      <GroupsPage />
      <LocationProbe />
    </>,
    { route, path: '/groups', queryClient: createQueryClient({ retry: false }) },
  );
}

/**
 * A tiny server: list, PUT Tags and DELETE, with one group that refuses every write. With `hold`,
 * writes wait until `release()`, so the progress shown meanwhile can be checked.
 */
function fakeServer(groups: PortalGroup[], refusing: PortalGroup, hold = false) {
  const all = [...groups];
  const writes: string[] = [];
  let inFlight = 0;
  let peak = 0;
  let release = () => {};
  const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const track = async <T,>(answer: () => T) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await released;
    await delay(5);
    inFlight -= 1;
    return answer();
  };
  server.use(
    sessionHandler(agent),
    groupsListHandler(all),
    http.put('/api/v1/portal/groups/:id', async ({ params, request }) => {
      const body = (await request.json()) as { D: { Tags: string[] } };
      writes.push(`PUT ${String(params.id)} ${body.D.Tags.join()}`);
      return track(() => {
        if (params.id === refusing.Id) return sparkError(500, 1026, 'boom');
        const index = all.findIndex((g) => g.Id === params.id);
        all[index] = { ...nth(all, index), Tags: body.D.Tags };
        return sparkSuccess();
      });
    }),
    http.delete('/api/v1/portal/groups/:id', ({ params }) => {
      writes.push(`DELETE ${String(params.id)}`);
      return track(() => {
        if (params.id === refusing.Id) return sparkError(404, 404, 'Not found');
        all.splice(
          all.findIndex((g) => g.Id === params.id),
          1,
        );
        return sparkSuccess();
      });
    }),
  );
  return { writes, peak: () => peak, release };
}

const groups = Array.from({ length: 7 }, (_, i) => makeGroup([`Owner ${i + 1}`, 'Member']));

describe('bulk actions on the groups list', () => {
  it('adds the selected groups to Favorites, 4 at a time, and reports the one that failed', async () => {
    const spark = fakeServer(groups, nth(groups, 1), true);
    const { user } = renderList();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all on this page' }));
    const bar = await screen.findByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('7 groups selected')).toBeVisible();

    await user.click(within(bar).getByRole('button', { name: 'Add to Favorites' }));
    expect(await screen.findByRole('progressbar', { name: 'Bulk action progress' })).toBeVisible();
    spark.release();
    const result = await screen.findByText('Added to Favorites: 6 of 7 groups');
    const alert = result.closest('[role="alert"]') as HTMLElement;
    expect(
      within(alert).getByText('Owner 2: Something went wrong on the server. Please try again.'),
    ).toBeVisible();
    expect(spark.writes).toHaveLength(7);
    expect(spark.writes.every((w) => w.endsWith(' Favorites'))).toBe(true);
    expect(spark.peak()).toBeLessThanOrEqual(4);
    const rows = nth(
      within(screen.getByRole('table', { name: 'Portal groups' })).getAllByRole('rowgroup'),
      1,
    );
    await waitFor(() => expect(within(rows).getAllByText('Favorites')).toHaveLength(6));
  });

  it('deletes after one confirmation and names the group that could not be deleted', async () => {
    const spark = fakeServer(groups, nth(groups, 2));
    const { user } = renderList();
    await user.click(await screen.findByRole('checkbox', { name: 'Select Owner 1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Owner 3' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Owner 5' }));
    const bar = await screen.findByRole('region', { name: 'Bulk actions' });
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 3 groups?' });
    expect(spark.writes).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 groups' }));

    expect(await screen.findByText('Deleted: 2 of 3 groups')).toBeVisible();
    expect(screen.getByText('Owner 3: Not found: it may have been deleted')).toBeVisible();
    expect(spark.writes.sort()).toEqual([0, 2, 4].map((i) => `DELETE ${nth(groups, i).Id}`).sort());
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Owner 1' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: 'Owner 3' })).toBeVisible();
  });

  it('cancelling the confirmation deletes nothing', async () => {
    const spark = fakeServer(groups, nth(groups, 0));
    const { user } = renderList();
    await user.click(await screen.findByRole('checkbox', { name: 'Select Owner 4' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(spark.writes).toEqual([]);
  });

  it('offers no selection to a consumer', async () => {
    server.use(sessionHandler(consumer), groupsListHandler(groups));
    renderList();
    expect(await screen.findByRole('link', { name: 'Owner 1' })).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: /^Select/ })).not.toBeInTheDocument();
  });
});

describe('the bulk bar stuck to the bottom of the screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('reserves its height at the bottom of the page while shown, so no row stays hidden under it', async () => {
    // jsdom has no layout: the bar measures 72 px, and a resize is reported once observed.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly report: () => void) {}
        observe() {
          this.report();
        }
        disconnect() {}
      },
    );
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ height: 72 }),
    );
    fakeServer(groups, nth(groups, 1));
    const { user, unmount } = renderList();
    const root = document.documentElement;
    await user.click(await screen.findByRole('checkbox', { name: 'Select Owner 3' }));
    expect(await screen.findByRole('region', { name: 'Bulk actions' })).toBeVisible();
    expect(root.style.scrollPaddingBottom).toBe('72px');

    unmount();
    expect(root.style.scrollPaddingBottom).toBe('');
  });
});
