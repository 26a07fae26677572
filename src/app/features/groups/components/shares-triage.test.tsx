import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { listingCartReadSchema } from '../../../../shared/listing-carts.js';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { savedSearchReadSchema } from '../../../../shared/saved-searches.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { logRequests } from '../../../testing/request-log.js';
import { renderApp } from '../../../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

const ownerOf = (group: PortalGroup) =>
  group.Users.find((user) => user.Id === group.ContactId)?.Name ?? '';

/** What each circle shares, read through the API as the page's truth. */
async function sharesOf(group: PortalGroup) {
  const read = async (path: string) =>
    (await avery.call('GET', `/api/v1/contacts/${group.ContactId}/${path}`)).json();
  const carts = sparkResultsSchema(listingCartReadSchema).parse(await read('listingcarts')).D
    .Results;
  const searches = sparkResultsSchema(savedSearchReadSchema).parse(await read('savedsearches')).D
    .Results;
  const listings = carts.reduce((sum, cart) => sum + cart.ListingCount, 0);
  return { owner: ownerOf(group), listings, searches: searches.length };
}

const shownOwners = () =>
  within(screen.getByRole('table', { name: 'All portal groups' }))
    .getAllByRole('link')
    .map((link) => link.textContent)
    .sort();

describe('what circles share, in the whole book', () => {
  it('filters by it with one read of each circle, reused by the next filter and the column', async () => {
    const groups = await avery.groups();
    const truth = await Promise.all(groups.map(sharesOf));
    const nothing = truth.filter((t) => t.listings === 0 && t.searches === 0).map((t) => t.owner);
    const withSearches = truth.filter((t) => t.searches > 0).map((t) => t.owner);
    expect(nothing.length).toBeGreaterThan(0);
    expect(withSearches.length).toBeGreaterThan(nothing.length);

    const log = logRequests(backend);
    const reads = (what: string) =>
      log.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/${what}`)).length;
    backend.browseAs(avery);
    const { user } = renderApp('/groups?all=1&shares=nothing');

    await waitFor(() => expect(shownOwners()).toEqual([...nothing].sort()), { timeout: 10_000 });
    for (const row of within(screen.getByRole('table')).getAllByRole('row').slice(1)) {
      expect(row).toHaveTextContent('Nothing yet');
    }
    expect(reads('listingcarts')).toBe(groups.length);
    expect(reads('savedsearches')).toBe(groups.length);

    const triage = screen.getByRole('combobox', { name: 'What they share' });
    await user.selectOptions(triage, 'Has saved searches');
    expect(
      await screen.findByText(`${withSearches.length} of ${groups.length} groups`, {
        exact: false,
      }),
    ).toBeVisible();
    for (const owner of shownOwners()) expect(withSearches).toContain(owner);
    // nuqs writes the address a moment after the state.
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('shares=searches'),
    );

    await user.selectOptions(triage, 'Shown for each circle');
    await waitFor(() =>
      expect(screen.getAllByText(/^(Nothing yet|.+ in carts · .+|No listings · .+)$/)).toHaveLength(
        Math.min(groups.length, 25),
      ),
    );
    // Cached: neither filter nor column read any circle again.
    expect(reads('listingcarts')).toBe(groups.length);
    expect(reads('savedsearches')).toBe(groups.length);
  });
});
