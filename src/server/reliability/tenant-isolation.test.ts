import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactRecord as Contact } from '../../shared/contacts.js';
import type { PortalGroupRecord as PortalGroup } from '../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { q, sparkClient, type SparkCall } from '../testing/spark-call.js';
import { addAgent, signIn } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { sparkFailureProblem } from './spark-answers.js';
import { tableHashes } from './snapshot.js';

/** One agent's records that another agent (or a consumer) must not reach. */
interface Records {
  token: string;
  group: PortalGroup;
  /** A member of `group` other than its owner: contact Id and portal account Id. */
  member: { contactId: string; portalId: string };
  contact: Contact;
  contactPortalId: string;
  /** A portal account that owns no group (a POST to it would create one). */
  freePortalId: string;
  ownContactForMembers: string;
  /** What a circle of theirs shares: the owner's contact, a portal cart holding `held`, a search. */
  shares: { owner: string; cart: string; held: string; searchOwner: string; search: string };
}

interface CartRecord {
  Id: string;
  ListingIds: string[];
}

/** A circle owner whose Favorites hold a listing, and one with a saved search. */
async function sharesOf(token: string, groups: PortalGroup[]): Promise<Records['shares']> {
  const as = async <T>(path: string) => (await call('GET', path, { token })).json.D.Results as T[];
  let found: Partial<Records['shares']> = {};
  for (const g of groups) {
    if (!found.cart) {
      const [favorites] = await as<CartRecord>(
        `/v1/contacts/${g.ContactId}/listingcarts/portal/favorites`,
      );
      const held = favorites?.ListingIds[0];
      if (favorites && held) found = { ...found, owner: g.ContactId, cart: favorites.Id, held };
    }
    if (!found.search) {
      const [search] = await as<{ Id: string }>(`/v1/contacts/${g.ContactId}/savedsearches`);
      if (search) found = { ...found, searchOwner: g.ContactId, search: search.Id };
    }
  }
  const { owner, cart, held, searchOwner, search } = found;
  if (!owner || !cart || !held || !searchOwner || !search) {
    throw new Error('no circle shares a cart and a search');
  }
  return { owner, cart, held, searchOwner, search };
}

let server: TestServer;
let call: SparkCall;
const records: Record<'avery' | 'jordan', Records> = {} as Record<'avery' | 'jordan', Records>;

async function recordsOf(token: string): Promise<Records> {
  const as = (method: string, path: string) => call(method, path, { token });
  const groups: PortalGroup[] = (await as('GET', `/v1/portal/groups${q({ _limit: 25 })}`)).json.D
    .Results;
  const group = groups.find((g) => g.Users.length >= 2);
  if (!group) throw new Error('no group with two members');
  const memberUser = group.Users.find((u) => u.Id !== group.ContactId);
  const contacts: Contact[] = (
    await as('GET', `/v1/contacts${q({ _limit: 25, _orderby: '-DisplayName' })}`)
  ).json.D.Results;
  const owners = new Set<string>();
  for (let page = 1; page <= 2; page++) {
    const list = await as(
      'GET',
      `/v1/portal/groups${q({ _limit: 25, _page: page, _select: 'ContactId' })}`,
    );
    for (const g of list.json.D.Results as PortalGroup[]) owners.add(g.ContactId);
  }
  const portalOf = async (contactId: string) =>
    (await as('GET', `/v1/contacts/${contactId}/portal`)).json.D.Results[0].Id as string;
  const free = contacts.find((c) => c.VowEnabled && !owners.has(c.Id));
  const contact = contacts.find((c) => c.VowEnabled && c.Id !== free?.Id);
  if (!memberUser || !free || !contact) throw new Error('demo data lacks records');
  return {
    token,
    group,
    member: { contactId: memberUser.Id, portalId: await portalOf(memberUser.Id) },
    contact,
    contactPortalId: await portalOf(contact.Id),
    freePortalId: await portalOf(free.Id),
    ownContactForMembers: contact.Id,
    shares: await sharesOf(token, groups),
  };
}

interface IsolationCase {
  name: string;
  method: string;
  path: (victim: Records, intruder: Records) => string;
  body?: (victim: Records, intruder: Records) => unknown;
  status: number;
  code: number;
}

const CASES: IsolationCase[] = [
  {
    name: 'read a group',
    method: 'GET',
    path: (v) => `/v1/portal/groups/${v.group.Id}`,
    status: 404,
    code: 404,
  },
  {
    name: 'add members to a group',
    method: 'POST',
    path: (v) => `/v1/portal/groups/${v.group.Id}`,
    body: (_v, i) => ({ D: { Users: [{ Id: i.ownContactForMembers }] } }),
    status: 404,
    code: 404,
  },
  {
    name: 'create a group on their portal account',
    method: 'POST',
    path: (v) => `/v1/portal/groups/${v.freePortalId}`,
    body: (_v, i) => ({ D: { Users: [{ Id: i.ownContactForMembers }] } }),
    status: 404,
    code: 404,
  },
  {
    name: 'replace the members of a group',
    method: 'PUT',
    path: (v) => `/v1/portal/groups/${v.group.Id}`,
    body: () => ({ D: { Users: [] } }),
    status: 404,
    code: 404,
  },
  {
    name: 'tag a group',
    method: 'PUT',
    path: (v) => `/v1/portal/groups/${v.group.Id}`,
    body: (v) => ({ D: { Tags: v.group.Tags.length ? [] : ['Favorites'] } }),
    status: 404,
    code: 404,
  },
  {
    name: 'destroy a group',
    method: 'DELETE',
    path: (v) => `/v1/portal/groups/${v.group.Id}`,
    status: 404,
    code: 404,
  },
  {
    name: 'remove a member (by contact Id)',
    method: 'DELETE',
    path: (v) => `/v1/portal/groups/${v.group.Id}/users/${v.member.contactId}`,
    status: 404,
    code: 404,
  },
  {
    name: 'remove a member (by portal account Id)',
    method: 'DELETE',
    path: (v) => `/v1/portal/groups/${v.group.Id}/users/${v.member.portalId}`,
    status: 404,
    code: 404,
  },
  {
    name: 'remove their contact from an own group',
    method: 'DELETE',
    path: (v, i) => `/v1/portal/groups/${i.group.Id}/users/${v.member.contactId}`,
    status: 404,
    code: 404,
  },
  {
    name: 'add their contact to an own group',
    method: 'POST',
    path: (_v, i) => `/v1/portal/groups/${i.group.Id}`,
    body: (v) => ({ D: { Users: [{ Id: v.contact.Id }] } }),
    status: 400,
    code: 1053,
  },
  {
    name: 'add their portal account to an own group',
    method: 'POST',
    path: (_v, i) => `/v1/portal/groups/${i.group.Id}`,
    body: (v) => ({ D: { Users: [{ Id: v.contactPortalId }] } }),
    status: 400,
    code: 1053,
  },
  {
    name: 'put their contact into an own group',
    method: 'PUT',
    path: (_v, i) => `/v1/portal/groups/${i.group.Id}`,
    body: (v) => ({ D: { Users: [{ Id: v.member.contactId }] } }),
    status: 400,
    code: 1053,
  },
  {
    name: 'read a contact',
    method: 'GET',
    path: (v) => `/v1/contacts/${v.contact.Id}`,
    status: 404,
    code: 404,
  },
  {
    name: "read a contact's portal account",
    method: 'GET',
    path: (v) => `/v1/contacts/${v.contact.Id}/portal`,
    status: 404,
    code: 404,
  },
  {
    name: 'create a portal account for a contact',
    method: 'POST',
    path: (v) => `/v1/contacts/${v.contact.Id}/portal`,
    status: 404,
    code: 404,
  },
  {
    name: 'disable a portal account',
    method: 'PUT',
    path: (v) => `/v1/contacts/${v.contact.Id}/portal`,
    body: () => ({ D: { Enabled: false } }),
    status: 404,
    code: 404,
  },
  {
    name: 'read a group through its portal account Id as a contact',
    method: 'GET',
    path: (v) => `/v1/contacts/${v.group.Id}`,
    status: 404,
    code: 404,
  },
  // What their circles share (spec §8): as 404 as the contact it belongs to.
  ...shareCases(),
];

function shareCases(): IsolationCase[] {
  const carts = (v: Records) => `/v1/contacts/${v.shares.owner}/listingcarts`;
  /** The victim's cart under the intruder's own contact, and under the agent's own carts. */
  const foreignCart = (v: Records, i: Records) => [
    `/v1/contacts/${i.shares.owner}/listingcarts/${v.shares.cart}`,
    `/v1/listingcarts/${v.shares.cart}`,
  ];
  const search = (v: Records, i: Records) => [
    `/v1/contacts/${i.shares.searchOwner}/savedsearches/${v.shares.search}`,
    `/v1/savedsearches/${v.shares.search}`,
  ];
  const listing = (v: Records) => ({ D: { ListingIds: [v.shares.held] } });
  const notFound = { status: 404, code: 404 };
  return [
    { name: 'read a contact’s carts', method: 'GET', path: carts, ...notFound },
    {
      name: 'create a cart for a contact',
      method: 'POST',
      path: carts,
      body: () => ({ D: { ListingCarts: [{ Name: 'Intruder', ListingIds: [] }] } }),
      ...notFound,
    },
    {
      name: 'read a contact’s portal carts',
      method: 'GET',
      path: (v) => `${carts(v)}/portal`,
      ...notFound,
    },
    {
      name: 'add a listing to a contact’s Rejects',
      method: 'POST',
      path: (v) => `${carts(v)}/portal/rejects`,
      body: listing,
      ...notFound,
    },
    {
      name: 'remove a listing from a contact’s Favorites',
      method: 'DELETE',
      path: (v) => `${carts(v)}/portal/favorites${q({ ListingIds: v.shares.held })}`,
      ...notFound,
    },
    {
      name: 'find a contact’s carts holding a listing',
      method: 'GET',
      path: (v) => `${carts(v)}/for/${v.shares.held}`,
      ...notFound,
    },
    ...[0, 1].flatMap((form): IsolationCase[] => {
      const where = form === 0 ? 'under an own contact' : 'as their own';
      const at = (v: Records, i: Records) => foreignCart(v, i)[form] ?? '';
      return [
        { name: `read a cart ${where}`, method: 'GET', path: at, ...notFound },
        {
          name: `read a cart’s listings ${where}`,
          method: 'GET',
          path: (v, i) => `${at(v, i)}/listings`,
          ...notFound,
        },
        { name: `add to a cart ${where}`, method: 'POST', path: at, body: listing, ...notFound },
        {
          name: `empty a cart ${where}`,
          method: 'PUT',
          path: at,
          body: () => ({ D: { ListingIds: [] } }),
          ...notFound,
        },
        { name: `delete a cart ${where}`, method: 'DELETE', path: at, ...notFound },
        {
          name: `remove a listing from a cart ${where}`,
          method: 'DELETE',
          path: (v, i) => `${at(v, i)}/listings/${v.shares.held}`,
          ...notFound,
        },
      ];
    }),
    {
      name: 'read a contact’s saved searches',
      method: 'GET',
      path: (v) => `/v1/contacts/${v.shares.searchOwner}/savedsearches`,
      ...notFound,
    },
    {
      name: 'create a saved search for a contact',
      method: 'POST',
      path: (v) => `/v1/contacts/${v.shares.searchOwner}/savedsearches`,
      body: () => ({ D: { Name: 'Intruder' } }),
      ...notFound,
    },
    ...[0, 1].flatMap((form): IsolationCase[] => {
      const where = form === 0 ? 'under an own contact' : 'as their own';
      const at = (v: Records, i: Records) => search(v, i)[form] ?? '';
      return [
        { name: `read a saved search ${where}`, method: 'GET', path: at, ...notFound },
        {
          name: `rename a saved search ${where}`,
          method: 'PUT',
          path: at,
          body: () => ({ D: { Name: 'Intruder' } }),
          ...notFound,
        },
        { name: `delete a saved search ${where}`, method: 'DELETE', path: at, ...notFound },
      ];
    }),
    {
      name: 'run a saved search (SavedSearch Eq)',
      method: 'GET',
      path: (v) => `/v1/listings${q({ _filter: `SavedSearch Eq '${v.shares.search}'` })}`,
      status: 400,
      code: 2001,
    },
  ];
}

async function expectRefusedAndUnchanged(
  c: IsolationCase,
  victim: Records,
  intruder: Records,
): Promise<void> {
  const before = tableHashes(server.db);
  const response = await call(c.method, c.path(victim, intruder), {
    token: intruder.token,
    body: c.body?.(victim, intruder),
  });
  expect({ status: response.status, code: response.json?.D?.Code }).toEqual({
    status: c.status,
    code: c.code,
  });
  expect(sparkFailureProblem(response.status, response.json)).toBeUndefined();
  expect(tableHashes(server.db)).toEqual(before);
}

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
  records.avery = await recordsOf(DEMO_ACCOUNTS.avery.token);
  records.jordan = await recordsOf(DEMO_ACCOUNTS.jordan.token);
});

afterAll(async () => {
  await server.dispose();
});

describe('agents cannot reach each other’s records', () => {
  it.each(CASES)("Jordan cannot $name of Avery's", async (c) => {
    await expectRefusedAndUnchanged(c, records.avery, records.jordan);
  });

  it.each(CASES)("Avery cannot $name of Jordan's", async (c) => {
    await expectRefusedAndUnchanged(c, records.jordan, records.avery);
  });

  it.each([
    ['avery', 'jordan'],
    ['jordan', 'avery'],
  ] as const)("searches by %s's Ids find nothing for %s", async (victimName, intruderName) => {
    const victim = records[victimName];
    const token = records[intruderName].token;
    const byContact = await call(
      'GET',
      `/v1/contacts${q({ _filter: `Id Eq '${victim.contact.Id}'`, _pagination: 1 })}`,
      { token },
    );
    expect(byContact.json.D).toMatchObject({ Results: [], Pagination: { TotalRows: 0 } });
    const byOwner = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: `ContactId Eq '${victim.group.ContactId}'`, _pagination: 1 })}`,
      { token },
    );
    expect(byOwner.json.D).toMatchObject({ Results: [], Pagination: { TotalRows: 0 } });
    const inCart = await call(
      'GET',
      `/v1/listings${q({ _filter: `ListingCart Eq '${victim.shares.cart}'`, _pagination: 1 })}`,
      { token },
    );
    expect(inCart.json.D).toMatchObject({ Results: [], Pagination: { TotalRows: 0 } });
  });
});

describe('an assistant working for one agent cannot reach another agent’s records', () => {
  let riley: string;
  beforeAll(async () => {
    riley = await signIn(server, DEMO_ACCOUNTS.assistant.name);
    await addAgent(server, riley, DEMO_ACCOUNTS.jordan.name);
  });

  it.each(CASES)("Riley, working for Jordan, cannot $name of Avery's", async (c) => {
    const before = tableHashes(server.db);
    const body = c.body?.(records.avery, records.jordan);
    const response = await fetch(
      `${server.url}/api/agents/${DEMO_ACCOUNTS.jordan.id}${c.path(records.avery, records.jordan)}`,
      {
        method: c.method,
        headers: {
          Cookie: riley,
          'X-Requested-With': 'PortalGroupsAdmin',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
    );
    const json = (await response.json()) as { D: { Code?: number } };
    expect({ status: response.status, code: json.D.Code }).toEqual({
      status: c.status,
      code: c.code,
    });
    expect(response.headers.get('x-acting-for')).toBe(DEMO_ACCOUNTS.jordan.id);
    expect(tableHashes(server.db)).toEqual(before);
  });
});

describe('consumers see only the groups they are in', () => {
  const consumers = [DEMO_ACCOUNTS.vow, DEMO_ACCOUNTS.portal];

  it.each(consumers)('$name lists only groups with them as a member', async (consumer) => {
    const list = await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`, {
      token: consumer.token,
    });
    expect(list.status).toBe(200);
    const groups = list.json.D.Results as PortalGroup[];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.Users.map((u) => u.Id)).toContain(consumer.contactId);
  });

  it.each(consumers)(
    '$name cannot read, or select as current, a group they are not in',
    async (consumer) => {
      const token = consumer.token;
      const mine = new Set(
        (
          (await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`, { token })).json.D
            .Results as PortalGroup[]
        ).map((g) => g.Id),
      );
      const averyGroups = (await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`)).json.D
        .Results as PortalGroup[];
      const notMine = [
        ...averyGroups.filter((g) => !mine.has(g.Id)).slice(0, 3),
        records.jordan.group,
      ];
      for (const g of notMine) {
        const before = tableHashes(server.db);
        const read = await call('GET', `/v1/portal/groups/${g.Id}`, { token });
        expect(read.status).toBe(404);
        const select = await call('PUT', '/v1/portal/groups/current', {
          token,
          body: { D: { Id: g.Id } },
        });
        expect({ status: select.status, code: select.json.D.Code }).toEqual({
          status: 404,
          code: 404,
        });
        expect(tableHashes(server.db)).toEqual(before);
      }
      const current = await call('GET', '/v1/portal/groups/current', { token });
      expect(
        current.json.D.Results.map((g: PortalGroup) => g.Id).filter((id: string) => !mine.has(id)),
      ).toEqual([]);
    },
  );

  it.each(consumers)(
    '$name reaches no cart or search of a circle they do not work in',
    async (consumer) => {
      const token = consumer.token;
      const { cart, held, search } = records.jordan.shares;
      const before = tableHashes(server.db);
      for (const [method, path, body] of [
        ['GET', `/v1/listingcarts/${cart}`],
        ['GET', `/v1/listingcarts/${cart}/listings`],
        ['POST', `/v1/listingcarts/${cart}`, { D: { ListingIds: [held] } }],
        ['PUT', `/v1/listingcarts/${cart}`, { D: { ListingIds: [] } }],
        ['DELETE', `/v1/listingcarts/${cart}/listings/${held}`],
        ['GET', `/v1/savedsearches/${search}`],
        ['PUT', `/v1/savedsearches/${search}`, { D: { Name: 'Intruder' } }],
        ['DELETE', `/v1/savedsearches/${search}`],
      ] as const) {
        const response = await call(method, path, { token, body });
        expect({ path, status: response.status, code: response.json.D.Code }).toEqual({
          path,
          status: 404,
          code: 404,
        });
      }
      const inCart = await call(
        'GET',
        `/v1/listings${q({ _filter: `ListingCart Eq '${cart}'`, _pagination: 1 })}`,
        { token },
      );
      expect(inCart.json.D.Pagination.TotalRows).toBe(0);
      const run = await call('GET', `/v1/listings${q({ _filter: `SavedSearch Eq '${search}'` })}`, {
        token,
      });
      expect({ status: run.status, code: run.json.D.Code }).toEqual({ status: 400, code: 2001 });
      const carts = (await call('GET', `/v1/listingcarts/for/${held}`, { token })).json.D
        .Results as { Id: string }[];
      expect(carts.map((c) => c.Id)).not.toContain(cart);
      expect(tableHashes(server.db)).toEqual(before);
    },
  );

  it('a consumer removed from their current group no longer reads it', async () => {
    const token = DEMO_ACCOUNTS.vow.token;
    const list = (await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`, { token })).json.D
      .Results as PortalGroup[];
    const group = list.find((g) => g.ContactId !== DEMO_ACCOUNTS.vow.contactId);
    if (!group) throw new Error('the VOW consumer is in no other group');
    expect(
      (await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: group.Id } } }))
        .status,
    ).toBe(200);
    expect((await call('GET', '/v1/portal/groups/current', { token })).json.D.Results).toHaveLength(
      1,
    );

    const removed = await call(
      'DELETE',
      `/v1/portal/groups/${group.Id}/users/${DEMO_ACCOUNTS.vow.contactId}`,
    );
    expect(removed.status).toBe(200);
    expect((await call('GET', '/v1/portal/groups/current', { token })).json.D.Results).toEqual([]);
    expect((await call('GET', `/v1/portal/groups/${group.Id}`, { token })).status).toBe(404);
    const reselect = await call('PUT', '/v1/portal/groups/current', {
      token,
      body: { D: { Id: group.Id } },
    });
    expect(reselect.status).toBe(404);
  });
});
