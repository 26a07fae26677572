import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { replaceGroupBodySchema } from '../../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../../../server/spark/demo-accounts.js';
import { uiStates } from '../../testing/fixtures.js';
import { setupRealBackend, type Session } from '../../testing/real-backend.js';
import { findNotification } from '../../testing/notification.js';
import { renderApp } from '../../testing/render-app.js';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

function renderList(route = '/groups', as: Session = avery) {
  backend.browseAs(as);
  return renderApp(route);
}

/**
 * Avery's list is exactly Owner 1 … Owner 7 (Sofía, the demo consumer, is in Owner 1's group).
 * Every PUT and DELETE is recorded and answered by the real server, except for `refusing`, whose
 * writes fail (PUT 500, DELETE 404). With `hold`, writes wait until `release()`, so the progress
 * shown meanwhile and the number in flight can be checked.
 */
async function sevenGroups(refusing: number, hold = false) {
  const groups = await avery.replaceGroups(
    Array.from({ length: 7 }, (_, i) => ({
      owner: `Owner ${i + 1}`,
      members: ['Member'],
      memberIds: i === 0 ? [DEMO_ACCOUNTS.vow.contactId] : [],
    })),
  );
  const refusingId = nth(groups, refusing).Id;
  const writes: string[] = [];
  let inFlight = 0;
  let peak = 0;
  let release = () => {};
  const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const answer = async (request: Request, groupId: string, refused: () => Response) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await released;
    const response = groupId === refusingId ? refused() : await backend.answer(request);
    inFlight -= 1;
    return response;
  };
  backend.msw.use(
    http.put('/api/v1/portal/groups/:id', async ({ params, request }) => {
      const body = replaceGroupBodySchema.parse(await request.clone().json());
      writes.push(`PUT ${String(params.id)} ${body.D.Tags?.join()}`);
      return answer(request, String(params.id), uiStates.failing);
    }),
    http.delete('/api/v1/portal/groups/:id', ({ params, request }) => {
      writes.push(`DELETE ${String(params.id)}`);
      return answer(request, String(params.id), uiStates.notFound);
    }),
  );
  return { groups, writes, peak: () => peak, release };
}

describe('bulk actions on the groups list', () => {
  it('adds the selected groups to Favorites, 4 at a time, and reports the one that failed', async () => {
    const spark = await sevenGroups(1, true);
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
    const spark = await sevenGroups(2);
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
    expect(spark.writes.sort()).toEqual(
      [0, 2, 4].map((i) => `DELETE ${nth(spark.groups, i).Id}`).sort(),
    );
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Owner 1' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: 'Owner 3' })).toBeVisible();

    // One toast says how many; its Undo creates both again, members and all.
    const toast = await findNotification('Deleted 2 groups');
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await findNotification('Restored 2 groups');
    // The result of the delete no longer holds: only "Restored" speaks of it now.
    expect(screen.queryByText('Deleted: 2 of 3 groups')).not.toBeInTheDocument();
    expect(
      screen.queryByText('Owner 3: Not found: it may have been deleted'),
    ).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Owner 1' })).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Owner 5' })).toBeVisible();
    const restored = await avery.group(nth(spark.groups, 0).Id);
    expect(restored.Users.map((user) => user.Id).sort()).toEqual(
      nth(spark.groups, 0)
        .Users.map((user) => user.Id)
        .sort(),
    );
  });

  it('cancelling the confirmation deletes nothing', async () => {
    const spark = await sevenGroups(0);
    const { user } = renderList();
    await user.click(await screen.findByRole('checkbox', { name: 'Select Owner 4' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(spark.writes).toEqual([]);
  });

  it('offers no selection to a consumer', async () => {
    await sevenGroups(0);
    renderList('/groups', await backend.signIn('Sofía Álvarez'));
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
    await sevenGroups(1);
    const { user, unmount } = renderList();
    const root = document.documentElement;
    await user.click(await screen.findByRole('checkbox', { name: 'Select Owner 3' }));
    expect(await screen.findByRole('region', { name: 'Bulk actions' })).toBeVisible();
    expect(root.style.getPropertyValue('--pga-bar-room')).toBe('72px');
    expect(root.style.scrollPaddingBottom).toContain('var(--pga-bar-room');

    unmount();
    expect(root.style.getPropertyValue('--pga-bar-room')).toBe('');
  });
});
