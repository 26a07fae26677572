import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../shared/envelope.js';
import {
  listingCartSchema,
  PORTAL_CART_TYPES,
  type ListingCartRecord,
} from '../../shared/listing-carts.js';
import type { PortalGroupRecord as PortalGroup } from '../../shared/portal-groups.js';
import { tableHashes } from '../reliability/snapshot.js';
import { expectFailure, q, sparkClient, type SparkCall } from '../testing/spark-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { DEMO_ACCOUNTS, fixedId, portalIdOf } from './demo-accounts.js';
import { listingIdOf } from './demo-mls.js';

let server: TestServer;
let call: SparkCall;
const cartsSchema = sparkResultsSchema(listingCartSchema);
const { avery, vow, portal } = DEMO_ACCOUNTS;
/** Avery's contact who owns the circle the VOW consumer works in (demo data). */
const showcaseOwner = fixedId('20240201000000', 3);
const showcaseGroup = portalIdOf(showcaseOwner);

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
});
afterAll(() => server.dispose());

const contactCarts = (contactId: string) => `/v1/contacts/${contactId}/listingcarts`;

async function cartsOf(path: string, token?: string, expand = true): Promise<ListingCartRecord[]> {
  const response = await call(
    'GET',
    `${path}${q({ _limit: 25, ...(expand ? { _expand: 'ListingIds' } : {}) })}`,
    { token },
  );
  expect(response.status).toBe(200);
  return cartsSchema.parse(response.json).D.Results;
}

const byType = (carts: ListingCartRecord[], type: string) =>
  carts.find((c) => c.PortalCartType === type) as ListingCartRecord;

async function averyGroups(): Promise<PortalGroup[]> {
  const groups: PortalGroup[] = [];
  for (let page = 1; page <= 2; page++) {
    const list = await call('GET', `/v1/portal/groups${q({ _limit: 25, _page: page })}`);
    groups.push(...(list.json.D.Results as PortalGroup[]));
  }
  return groups;
}

describe('the demo data shares carts in every circle', () => {
  it('gives every circle owner the three portal carts, a listing in at most one of them', async () => {
    const groups = await averyGroups();
    expect(groups.length).toBeGreaterThanOrEqual(36);
    const sizes: number[] = [];
    const named: string[] = [];
    for (const group of groups) {
      const carts = await cartsOf(contactCarts(group.ContactId));
      const portalCarts = PORTAL_CART_TYPES.map((type) => byType(carts, type));
      expect(portalCarts.map((c) => c?.Name)).toEqual([...PORTAL_CART_TYPES]);
      const ids = portalCarts.flatMap((c) => c.ListingIds ?? []);
      expect(new Set(ids).size).toBe(ids.length);
      for (const cart of carts) {
        expect(cart.ListingCount).toBe(cart.ListingIds?.length);
        expect(cart.OwnerId).toBe(group.Id);
        expect(cart.ResourceUri).toBe(`${contactCarts(group.ContactId)}/${cart.Id}`);
      }
      sizes.push(byType(carts, 'Favorites').ListingCount);
      named.push(...carts.filter((c) => c.PortalCartType === 'Custom').map((c) => c.Name));
    }
    expect(sizes).toContain(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(groups.length / 2);
    expect(named).toContain('Downtown condos');
  });

  it('fills "Downtown condos" with condominiums in downtown Fargo', async () => {
    const carts = await cartsOf(contactCarts(showcaseOwner));
    const condos = carts.find((c) => c.Name === 'Downtown condos') as ListingCartRecord;
    const listings = await call(
      'GET',
      `${contactCarts(showcaseOwner)}/${condos.Id}/listings${q({ _limit: 25, _expand: 'PrimaryPhoto' })}`,
    );
    expect(listings.json.D.Results.length).toBe(condos.ListingCount);
    for (const listing of listings.json.D.Results) {
      expect(listing.StandardFields).toMatchObject({ City: 'Fargo', PropertyType: 'B' });
      expect(listing.StandardFields.Photos).toHaveLength(1);
    }
  });

  it('has the VOW consumer working in a circle of Avery’s', async () => {
    const current = await call('GET', '/v1/portal/groups/current', { token: vow.token });
    expect(current.json.D.Results.map((g: PortalGroup) => g.Id)).toEqual([showcaseGroup]);
  });
});

describe('a contact’s carts, for their agent (Private)', () => {
  const owner = fixedId('20240201000000', 8);
  const path = contactCarts(owner);
  const listing = (n: number) => listingIdOf(n);

  it('creates carts, all or nothing, and reads them back', async () => {
    const before = (await cartsOf(path)).length;
    const made = await call('POST', path, {
      body: {
        D: {
          ListingCarts: [
            { Name: 'Open houses Sunday', ListingIds: [listing(1), listing(2), listing(1)] },
            { Name: 'Maybe later', ListingIds: [] },
          ],
        },
      },
    });
    expect(made.status).toBe(201);
    const uris: string[] = made.json.D.Results.map((r: { ResourceUri: string }) => r.ResourceUri);
    expect(uris).toHaveLength(2);
    for (const uri of uris) expect(uri).toMatch(new RegExp(`^${path}/\\d{26}$`));
    const one = await call('GET', `${uris[0]}${q({ _expand: 'ListingIds' })}`);
    expect(one.json.D.Results[0]).toMatchObject({
      Name: 'Open houses Sunday',
      ListingCount: 2,
      ListingIds: [listing(1), listing(2)],
      PortalCartType: 'Custom',
    });
    expect(await cartsOf(path)).toHaveLength(before + 2);
  });

  it('refuses a taken name (409/1055) unless AutoName, and changes nothing', async () => {
    const before = tableHashes(server.db);
    for (const name of ['favorites', 'Open houses sunday']) {
      const refused = await call('POST', path, {
        body: { D: { ListingCarts: [{ Name: 'Fresh one' }, { Name: name }] } },
      });
      expectFailure(refused, 409, 1055);
      expect(refused.json.D.Errors[0].Attribute).toBe('ListingCarts[1].Name');
    }
    expect(tableHashes(server.db)).toEqual(before);
    const auto = await call('POST', path, {
      body: { D: { ListingCarts: [{ Name: 'Open houses Sunday', AutoName: true }] } },
    });
    expect(auto.status).toBe(201);
    const named = await call('GET', auto.json.D.Results[0].ResourceUri);
    expect(named.json.D.Results[0].Name).toBe('Open houses Sunday (2)');
  });

  it('refuses a listing that does not exist, naming it, and a cart without a name', async () => {
    const before = tableHashes(server.db);
    const unknown = await call('POST', path, {
      body: {
        D: {
          ListingCarts: [
            { Name: 'Ghosts', ListingIds: [listing(3), '20990101000000000000000001'] },
          ],
        },
      },
    });
    expectFailure(unknown, 400, 1053);
    expect(unknown.json.D.Errors[0].Attribute).toBe('ListingCarts[0].ListingIds[1]');
    expectFailure(await call('POST', path, { body: { D: { ListingCarts: [{}] } } }), 400, 1050);
    expectFailure(await call('POST', path, { body: { D: { ListingCarts: [] } } }), 400, 1053);
    expectFailure(await call('POST', path, { body: { D: {} } }), 400, 1050);
    expect(tableHashes(server.db)).toEqual(before);
  });

  it('adds listings and answers the cart with its new ListingCount', async () => {
    const [cart] = (await cartsOf(path)).filter((c) => c.Name === 'Maybe later');
    const added = await call('POST', `${path}/${cart?.Id}`, {
      body: { D: { ListingIds: [listing(10), listing(11)] } },
    });
    expect(added.status).toBe(200);
    expect(cartsSchema.parse(added.json).D.Results[0]).toMatchObject({
      Id: cart?.Id,
      ListingCount: 2,
    });
    const again = await call('POST', `${path}/${cart?.Id}`, {
      body: { D: { ListingIds: [listing(11), listing(12)] } },
    });
    expect(again.json.D.Results[0].ListingCount).toBe(3);
  });

  it('replaces the listings or renames with PUT, ignoring read-only fields', async () => {
    const [cart] = (await cartsOf(path)).filter((c) => c.Name === 'Maybe later');
    const uri = `${path}/${cart?.Id}`;
    const put = await call('PUT', uri, {
      body: { D: { ...cart, Name: 'Second looks', ListingIds: [listing(20)], ListingCount: 99 } },
    });
    expect(put.json).toEqual({ D: { Success: true } });
    const read = await call('GET', `${uri}${q({ _expand: 'ListingIds' })}`);
    expect(read.json.D.Results[0]).toMatchObject({
      Name: 'Second looks',
      ListingCount: 1,
      ListingIds: [listing(20)],
    });
    expect(
      read.json.D.Results[0].ModificationTimestamp >= (cart?.ModificationTimestamp ?? ''),
    ).toBe(true);
    const before = tableHashes(server.db);
    expectFailure(await call('PUT', uri, { body: { D: {} } }), 400, 1050);
    expectFailure(await call('PUT', uri, { body: { D: { Name: 'Favorites' } } }), 409, 1055);
    expectFailure(await call('PUT', uri, { body: { D: { Name: '' } } }), 400, 1053);
    expect(tableHashes(server.db)).toEqual(before);
  });

  it('never renames or deletes a portal cart (400/1053), but changes its listings', async () => {
    const favorites = byType(await cartsOf(path), 'Favorites');
    const uri = `${path}/${favorites.Id}`;
    const before = tableHashes(server.db);
    expectFailure(await call('PUT', uri, { body: { D: { Name: 'Loved' } } }), 400, 1053);
    expectFailure(await call('DELETE', uri), 400, 1053);
    expect(tableHashes(server.db)).toEqual(before);
    const same = await call('PUT', uri, {
      body: { D: { Name: 'Favorites', ListingIds: [listing(30)] } },
    });
    expect(same.status).toBe(200);
    expect(byType(await cartsOf(path), 'Favorites').ListingIds).toEqual([listing(30)]);
  });

  it('removes one listing and answers the new count; 404 when the cart does not hold it', async () => {
    const [cart] = (await cartsOf(path)).filter((c) => c.Name === 'Open houses Sunday');
    const removed = await call('DELETE', `${path}/${cart?.Id}/listings/${listing(1)}`);
    expect(removed.json.D.Results[0]).toMatchObject({ Id: cart?.Id, ListingCount: 1 });
    expectFailure(await call('DELETE', `${path}/${cart?.Id}/listings/${listing(1)}`), 404, 404);
  });

  it('deletes a cart; then it is gone', async () => {
    const [cart] = (await cartsOf(path)).filter((c) => c.Name === 'Second looks');
    expect((await call('DELETE', `${path}/${cart?.Id}`)).json).toEqual({ D: { Success: true } });
    expectFailure(await call('GET', `${path}/${cart?.Id}`), 404, 404);
    expectFailure(await call('DELETE', `${path}/${cart?.Id}`), 404, 404);
  });

  it('finds the carts that hold listings: /for/<Id>,<Id>', async () => {
    const carts = await cartsOf(path);
    const holding = carts.filter(
      (c) => c.ListingIds?.includes(listing(30)) || c.ListingIds?.includes(listing(2)),
    );
    const found = await call('GET', `${path}/for/${listing(30)},${listing(2)}`);
    expect(found.json.D.Results.map((c: ListingCartRecord) => c.Id).sort()).toEqual(
      holding.map((c) => c.Id).sort(),
    );
    expect(holding.length).toBe(2);
    expectFailure(await call('GET', `${path}/for/26-10001`), 404, 404);
  });

  it('keeps a listing in one portal cart: adding it to Rejects takes it out of Favorites', async () => {
    const portalPath = `${path}/portal`;
    const favorite = listing(40);
    await call('POST', `${portalPath}/favorites`, { body: { D: { ListingIds: [favorite] } } });
    const rejected = await call('POST', `${portalPath}/rejects`, {
      body: { D: { ListingIds: [favorite] } },
    });
    expect(rejected.json.D.Results[0]).toMatchObject({ PortalCartType: 'Rejects' });
    expect(rejected.json.D.Results[0].ListingIds).toContain(favorite);
    const three = await call('GET', portalPath);
    const carts = cartsSchema.parse(three.json).D.Results;
    expect(carts.map((c) => c.PortalCartType)).toEqual([...PORTAL_CART_TYPES]);
    expect(byType(carts, 'Favorites').ListingIds).not.toContain(favorite);
    const possibilities = byType(carts, 'Possibilities');
    await call('POST', `${path}/${possibilities.Id}`, { body: { D: { ListingIds: [favorite] } } });
    expect(byType(await cartsOf(path), 'Rejects').ListingIds).not.toContain(favorite);
    const removed = await call(
      'DELETE',
      `${portalPath}/favorites${q({ ListingIds: `${listing(30)},${listing(31)}` })}`,
    );
    expect(removed.json.D.Results[0].ListingIds).not.toContain(listing(30));
    expectFailure(await call('DELETE', `${portalPath}/favorites`), 400, 1050);
    expectFailure(
      await call('DELETE', `${portalPath}/rejects${q({ ListingIds: 'x' })}`),
      400,
      1053,
    );
    expectFailure(await call('PUT', `${portalPath}/favorites`, { body: { D: {} } }), 405, 405);
  });

  it('answers the cart’s listings, and ListingCart Eq finds the same ones', async () => {
    const [cart] = (await cartsOf(path)).filter((c) => c.Name === 'Open houses Sunday');
    const filter = `ListingCart Eq '${cart?.Id}'`;
    const inCart = await call('GET', `${path}/${cart?.Id}/listings${q({ _filter: filter })}`);
    const searched = await call('GET', `/v1/listings${q({ _filter: filter })}`);
    expect(inCart.json.D.Results.map((l: { Id: string }) => l.Id)).toEqual(cart?.ListingIds);
    expect(searched.json.D.Results).toEqual(inCart.json.D.Results);
  });

  it('answers 404 for another contact’s cart, another agent’s contact, and 1100 without a portal', async () => {
    const other = fixedId('20240201000000', 9);
    const [cart] = await cartsOf(path);
    expectFailure(await call('GET', `${contactCarts(other)}/${cart?.Id}`), 404, 404);
    expectFailure(await call('GET', path, { token: DEMO_ACCOUNTS.jordan.token }), 404, 404);
    const search = await call(
      'GET',
      `/v1/listings${q({ _filter: `ListingCart Eq '${cart?.Id}'`, _pagination: 1 })}`,
      {
        token: DEMO_ACCOUNTS.jordan.token,
      },
    );
    expect(search.json.D.Pagination.TotalRows).toBe(0);
    const contacts = await call(
      'GET',
      `/v1/contacts${q({ _filter: 'VowEnabled Eq false', _limit: 25 })}`,
    );
    for (const contact of contacts.json.D.Results as { Id: string }[]) {
      const portalAccount = await call('GET', `/v1/contacts/${contact.Id}/portal`);
      if (portalAccount.status !== 404) continue;
      expectFailure(await call('GET', contactCarts(contact.Id)), 400, 1100);
      return;
    }
    throw new Error('the demo data has a contact without a portal account');
  });

  it('gives a new contact’s portal account its three empty portal carts', async () => {
    const made = await call('POST', '/v1/contacts', {
      body: { D: { GivenName: 'Nell', FamilyName: 'Okafor' } },
    });
    const id = made.json.D.Results[0].ResourceUri.split('/').pop();
    const carts = await cartsOf(contactCarts(id));
    expect(carts.map((c) => [c.PortalCartType, c.ListingCount])).toEqual([
      ['Favorites', 0],
      ['Possibilities', 0],
      ['Rejects', 0],
    ]);
  });
});

describe('a consumer’s carts "As Portal Group"', () => {
  it('reads and writes the current circle’s owner’s carts, as the agent sees them', async () => {
    const asVow = await cartsOf('/v1/listingcarts', vow.token);
    const asAgent = await cartsOf(contactCarts(showcaseOwner));
    expect(asVow.map((c) => c.Id)).toEqual(asAgent.map((c) => c.Id));
    for (const cart of asVow) {
      expect(cart.ResourceUri).toBe(`/v1/listingcarts/${cart.Id}`);
      expect(cart.OwnerId).toBe(showcaseGroup);
    }
    expect(await cartsOf('/v1/my/listingcarts', vow.token)).toEqual(asVow);
    const favorite = listingIdOf(77);
    const before = Date.now();
    const added = await call('POST', '/v1/listingcarts/portal/favorites', {
      token: vow.token,
      body: { D: { ListingIds: [favorite] } },
    });
    expect(added.status).toBe(200);
    expect(byType(await cartsOf(contactCarts(showcaseOwner)), 'Favorites').ListingIds).toContain(
      favorite,
    );
    const account = await call('GET', `/v1/contacts/${vow.contactId}/portal`);
    const hour = Math.floor(before / 3_600_000) * 3_600_000;
    expect(Date.parse(account.json.D.Results[0].LastActive)).toBeGreaterThanOrEqual(hour);
  });

  it('works on their own carts with no circle current, and again in the circle after', async () => {
    const token = vow.token;
    expect((await call('DELETE', '/v1/portal/groups/current', { token })).status).toBe(200);
    const own = await cartsOf('/v1/listingcarts', token);
    expect(new Set(own.map((c) => c.OwnerId))).toEqual(new Set([vow.portalAccountId]));
    expect(own.map((c) => c.Id)).toEqual(
      (await cartsOf(contactCarts(vow.contactId))).map((c) => c.Id),
    );
    await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: showcaseGroup } } });
    expect((await cartsOf('/v1/listingcarts', token))[0]?.OwnerId).toBe(showcaseGroup);
  });

  it('answers 1025 once the current circle is gone, until they choose again', async () => {
    const token = portal.token;
    const groups = (await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`, { token })).json.D
      .Results as PortalGroup[];
    const circle = groups.find((g) => g.ContactId !== portal.contactId) as PortalGroup;
    await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: circle.Id } } });
    const carts = await cartsOf('/v1/listingcarts', token);
    expect(carts[0]?.OwnerId).toBe(circle.Id);
    const full = (await call('GET', `/v1/portal/groups/${circle.Id}`)).json.D
      .Results[0] as PortalGroup;
    expect((await call('DELETE', `/v1/portal/groups/${circle.Id}`)).status).toBe(200);
    const current = await call('GET', '/v1/portal/groups/current', { token });
    expect(current.json.D).toEqual({ Success: true, Results: [] });
    for (const path of [
      '/v1/listingcarts',
      '/v1/listingcarts/portal',
      '/v1/listingcarts/portal/favorites',
      `/v1/listingcarts/${carts[0]?.Id}`,
      `/v1/listings${q({ _filter: `ListingCart Eq '${carts[0]?.Id}'` })}`,
    ]) {
      expectFailure(await call('GET', path, { token }), 400, 1025);
    }
    expect((await call('DELETE', '/v1/portal/groups/current', { token })).status).toBe(200);
    expect((await cartsOf('/v1/listingcarts', token))[0]?.OwnerId).toBe(portal.portalAccountId);
    const restored = await call('POST', `/v1/portal/groups/${circle.Id}`, {
      body: { D: { Users: full.Users.map((u) => ({ Id: u.Id })) } },
    });
    expect(restored.status).toBe(201);
  });

  it('answers 1025 when the consumer was taken out of their current circle', async () => {
    const token = portal.token;
    const groups = (await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`, { token })).json.D
      .Results as PortalGroup[];
    const circle = groups.find((g) => g.ContactId !== portal.contactId) as PortalGroup;
    await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: circle.Id } } });
    await call('DELETE', `/v1/portal/groups/${circle.Id}/users/${portal.contactId}`);
    expectFailure(await call('GET', '/v1/listingcarts', { token }), 400, 1025);
    await call('POST', `/v1/portal/groups/${circle.Id}`, {
      body: { D: { Users: [{ Id: portal.contactId }] } },
    });
    expect((await call('GET', '/v1/listingcarts', { token })).status).toBe(200);
    await call('DELETE', '/v1/portal/groups/current', { token });
  });

  it('sees only their circle’s carts: another owner’s cart is 404 and matches no listing', async () => {
    const elsewhere = await cartsOf(contactCarts(fixedId('20240201000000', 8)));
    const [cart] = elsewhere;
    expectFailure(
      await call('GET', `/v1/listingcarts/${cart?.Id}`, { token: vow.token }),
      404,
      404,
    );
    const search = await call(
      'GET',
      `/v1/listings${q({ _filter: `ListingCart Eq '${cart?.Id}'`, _pagination: 1 })}`,
      {
        token: vow.token,
      },
    );
    expect(search.json.D.Pagination.TotalRows).toBe(0);
  });

  it('is not for IDX or Public (403/1500), and an agent has no portal carts of their own', async () => {
    for (const token of [DEMO_ACCOUNTS.idx.token, DEMO_ACCOUNTS.public.token]) {
      expectFailure(await call('GET', '/v1/listingcarts', { token }), 403, 1500);
      expectFailure(
        await call(
          'GET',
          `/v1/listings${q({ _filter: "ListingCart Eq '20990101000000000000000001'" })}`,
          { token },
        ),
        403,
        1500,
      );
    }
    expectFailure(await call('GET', '/v1/listingcarts/portal', { token: avery.token }), 403, 1500);
    expectFailure(await call('GET', contactCarts(showcaseOwner), { token: vow.token }), 403, 1500);
    expect(await cartsOf('/v1/listingcarts', avery.token)).toEqual([]);
  });
});
