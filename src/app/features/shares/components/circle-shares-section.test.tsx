import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { listingCartReadSchema } from '../../../../shared/listing-carts.js';
import { portalGroupReadSchema } from '../../../../shared/portal-groups.js';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { findNotification } from '../../../testing/notification.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { logRequests } from '../../../testing/request-log.js';
import { renderApp } from '../../../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
let sofia: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  sofia = await backend.signIn('Sofía Álvarez');
});

const cartsAnswer = sparkResultsSchema(listingCartReadSchema);

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo data has no ${what}`);
  return value;
}

/** The owner's carts as the server has them now. */
async function cartsOf(group: PortalGroup) {
  const response = await avery.call(
    'GET',
    `/api/v1/contacts/${group.ContactId}/listingcarts?_expand=ListingIds`,
  );
  return cartsAnswer.parse(await response.json()).D.Results;
}

async function favoritesCount(group: PortalGroup) {
  return (await cartsOf(group)).find((cart) => cart.Name === 'Favorites')?.ListingCount;
}

/** The demo's showcase circle (the one the demo consumer works in): carts, listings, searches. */
async function showcase(): Promise<PortalGroup> {
  const response = await sofia.call('GET', '/api/v1/portal/groups/current');
  const current = sparkResultsSchema(portalGroupReadSchema).parse(await response.json()).D
    .Results[0];
  if (!current) throw new Error('The demo consumer works in no circle');
  return avery.group(current.Id);
}

/** Active listings in no cart at all: free to share, and to take out of the MLS in a test. */
function freeListings(count: number): { id: string; mls: string; street: string }[] {
  return backend
    .server()
    .db.prepare(
      `SELECT id, mls_number AS mls, street_number || ' ' || street_name AS street FROM listings
       WHERE mls_status = 'Active' AND unit IS NULL
         AND id NOT IN (SELECT listing_id FROM cart_listings)
       ORDER BY serial LIMIT ?`,
    )
    .all(count) as { id: string; mls: string; street: string }[];
}

function renderGroup(group: PortalGroup) {
  backend.browseAs(avery);
  return renderApp(`/groups/${group.Id}`);
}

const section = () => screen.findByRole('region', { name: 'Shared in this circle' });
const cartButton = (region: HTMLElement, name: string) =>
  within(region).findByRole('button', { name: new RegExp(`^${name}(?![a-z])`) });

describe('Shared in this circle', () => {
  it('lists the carts with counts, opens one to listing cards, and reads the saved searches in words', async () => {
    const group = await showcase();
    const carts = await cartsOf(group);
    const favorites = must(
      carts.find((cart) => cart.Name === 'Favorites'),
      'Favorites cart',
    );
    const { user } = renderGroup(group);

    const region = await section();
    for (const cart of carts) {
      expect(await cartButton(region, cart.Name)).toHaveTextContent(`${cart.ListingCount} listing`);
    }
    const searches = await within(region).findByRole('list', { name: 'Saved searches' });
    expect(within(searches).getByText('Fargo homes under $350k')).toBeVisible();
    expect(
      within(searches).getByText('Active homes in Fargo up to $350,000, 3+ beds'),
    ).toBeVisible();
    await waitFor(() =>
      expect(within(searches).getAllByText(/^Matches .+ now$/)).toHaveLength(
        within(searches).getAllByRole('listitem').length,
      ),
    );

    await user.click(await cartButton(region, 'Favorites'));
    const cards = await within(region).findByRole('list', { name: 'Listings in Favorites' });
    await waitFor(() =>
      expect(within(cards).getAllByRole('article')).toHaveLength(favorites.ListingCount),
    );
    const first = must(within(cards).getAllByRole('article')[0], 'listing card');
    const photo = within(first).getByRole('img');
    expect(photo).toHaveAttribute('loading', 'lazy');
    expect(photo).toHaveAttribute('width', '640');
    expect(photo).toHaveAttribute('height', '480');
    expect(first).toHaveTextContent(/\$[\d,]+/);
    expect(first).toHaveTextContent(/\d beds?/);
    expect(first).toHaveTextContent(/sq ft/);
  });

  it('holds the carts’ place while they load', async () => {
    const group = await showcase();
    const held = logRequests(backend).hold('GET', `/contacts/${group.ContactId}/listingcarts`);
    renderGroup(group);
    const region = await section();
    expect(await within(region).findByLabelText('Loading what this circle shares')).toHaveAttribute(
      'aria-busy',
      'true',
    );
    held.release();
    expect(await cartButton(region, 'Favorites')).toBeVisible();
    expect(within(region).queryByLabelText('Loading what this circle shares')).toBeNull();
  });

  it('says so when a circle shares nothing yet', async () => {
    const group = await avery.createGroup({ owner: 'Noor Empty', members: ['Ola Member'] });
    renderGroup(group);
    const region = await section();
    expect(await within(region).findByText(/^This circle shares nothing yet/)).toBeVisible();
  });

  it('shows a failed read with a way to retry', async () => {
    const group = await showcase();
    backend.msw.use(
      http.get('/api/v1/contacts/:id/listingcarts', () =>
        HttpResponse.json(
          { D: { Success: false, Code: 1000, Message: 'Something went wrong.' } },
          { status: 500 },
        ),
      ),
    );
    renderGroup(group);
    const region = await section();
    expect(await within(region).findByText('Could not load what this circle shares')).toBeVisible();
    expect(within(region).getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('shares a listing at once, takes it back with Undo, and rolls back a refused one with Spark’s words', async () => {
    const group = await avery.createGroup({ owner: 'Tess Sharer' });
    const free = freeListings(2);
    const kept = must(free[0], 'free listing');
    const withdrawn = must(free[1], 'second free listing');
    const { user } = renderGroup(group);
    const region = await section();
    expect(await within(region).findByText(/^This circle shares nothing yet/)).toBeVisible();

    const share = async (listing: { mls: string; street: string }) => {
      await user.click(await within(region).findByRole('button', { name: 'Share a listing' }));
      const dialog = await screen.findByRole('dialog', { name: /^Share a listing with/ });
      await user.type(within(dialog).getByRole('textbox', { name: 'Find a listing' }), listing.mls);
      await user.click(
        await within(dialog).findByRole('radio', { name: new RegExp(listing.street) }),
      );
      return dialog;
    };

    let dialog = await share(kept);
    await user.click(within(dialog).getByRole('button', { name: 'Add to Favorites' }));
    expect(await cartButton(region, 'Favorites')).toHaveTextContent('1 listing');
    const added = await findNotification(new RegExp(`^Added ${kept.street}.* to Favorites$`));
    await waitFor(async () => expect(await favoritesCount(group)).toBe(1));
    await user.click(within(added).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await favoritesCount(group)).toBe(0));
    expect(await within(region).findByText(/^This circle shares nothing yet/)).toBeVisible();

    // Gone from the MLS while the dialog was open: Spark refuses, and the count goes back.
    dialog = await share(withdrawn);
    backend.server().db.prepare('DELETE FROM listings WHERE id = ?').run(withdrawn.id);
    await user.click(within(dialog).getByRole('button', { name: 'Add to Favorites' }));
    const refused = await findNotification(new RegExp(`'${withdrawn.id}' is not a listing`));
    expect(refused).toHaveTextContent(`Could not add ${withdrawn.street}`);
    expect(await within(region).findByText(/^This circle shares nothing yet/)).toBeVisible();
    expect(await favoritesCount(group)).toBe(0);
  });
});
