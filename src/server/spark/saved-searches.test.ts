import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../shared/envelope.js';
import { listingSchema } from '../../shared/listings.js';
import { savedSearchSchema, type SavedSearchRecord } from '../../shared/saved-searches.js';
import type { PortalGroupRecord as PortalGroup } from '../../shared/portal-groups.js';
import { tableHashes } from '../reliability/snapshot.js';
import { expectFailure, q, sparkClient, type SparkCall } from '../testing/spark-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { DEMO_ACCOUNTS, fixedId, portalIdOf } from './demo-accounts.js';

let server: TestServer;
let call: SparkCall;
const searchesSchema = sparkResultsSchema(savedSearchSchema);
const { vow } = DEMO_ACCOUNTS;
const showcaseOwner = fixedId('20240201000000', 3);
const showcaseGroup = portalIdOf(showcaseOwner);
const owner = fixedId('20240201000000', 8);
const path = `/v1/contacts/${owner}/savedsearches`;

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
});
afterAll(() => server.dispose());

async function searchesOf(at: string, token?: string): Promise<SavedSearchRecord[]> {
  const response = await call('GET', `${at}${q({ _limit: 25 })}`, { token });
  expect(response.status).toBe(200);
  return searchesSchema.parse(response.json).D.Results;
}

const count = async (filter: string, token?: string) =>
  (await call('GET', `/v1/listings${q({ _filter: filter, _pagination: 'count' })}`, { token })).json
    .D.Pagination.TotalRows as number;

describe('the demo data’s saved searches', () => {
  it('gives circle owners 0–3 searches with filters that run', async () => {
    const groups: PortalGroup[] = [];
    for (let page = 1; page <= 2; page++) {
      groups.push(
        ...((await call('GET', `/v1/portal/groups${q({ _limit: 25, _page: page })}`)).json.D
          .Results as PortalGroup[]),
      );
    }
    const counts: number[] = [];
    for (const group of groups) {
      const searches = await searchesOf(`/v1/contacts/${group.ContactId}/savedsearches`);
      counts.push(searches.length);
      for (const search of searches) {
        expect(search).toMatchObject({ OwnerId: group.Id, ContactIds: [group.ContactId] });
        expect(search.Filter).toBeTruthy();
        expect(await count(`SavedSearch Eq '${search.Id}'`)).toBe(await count(search.Filter ?? ''));
      }
    }
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBe(3);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(groups.length / 3);
  });
});

describe('a contact’s saved searches, for their agent (Private)', () => {
  it('creates one from Spark’s flat body, provided to the contact, and reads it back', async () => {
    const made = await call('POST', path, {
      body: {
        D: {
          Name: 'Family homes in Horace',
          Description: 'Four bedrooms, a yard',
          Filter: "City Eq 'Horace' And BedsTotal Ge 4",
        },
      },
    });
    expect(made.status).toBe(201);
    const [created] = made.json.D.Results;
    expect(created).toEqual({
      ResourceUri: `${path}/${created.Id}`,
      Id: expect.stringMatching(/^\d{26}$/),
      Name: 'Family homes in Horace',
    });
    const read = await call('GET', created.ResourceUri);
    expect(searchesSchema.parse(read.json).D.Results[0]).toMatchObject({
      Name: 'Family homes in Horace',
      Description: 'Four bedrooms, a yard',
      Filter: "City Eq 'Horace' And BedsTotal Ge 4",
      ContactIds: [owner],
      OwnerId: portalIdOf(owner),
      Provided: true,
      Tags: [],
    });
  });

  it('creates several from the SavedSearches body, all or nothing; names may repeat', async () => {
    const made = await call('POST', path, {
      body: {
        D: {
          SavedSearches: [
            { Name: 'Twins', Filter: "City eq 'Fargo'" },
            { Name: 'Twins', Filter: null },
            { Name: 'Twins', AutoName: true },
          ],
        },
      },
    });
    expect(made.status).toBe(201);
    expect(made.json.D.Results.map((r: { Name: string }) => r.Name)).toEqual([
      'Twins',
      'Twins',
      'Twins (2)',
    ]);
    const before = tableHashes(server.db);
    const refused = await call('POST', path, {
      body: { D: { SavedSearches: [{ Name: 'Fine' }, { Name: 'Bad', Filter: "Town Eq 'x'" }] } },
    });
    expectFailure(refused, 400, 1040);
    expect(refused.json.D.Message).toContain('SavedSearches[1].Filter');
    expect(tableHashes(server.db)).toEqual(before);
  });

  it.each([
    ["ListingCart Eq '20990101000000000000000001'", 'ListingCart'],
    ["SavedSearch Eq '20990101000000000000000001'", 'SavedSearch'],
    ["City Eq 'Fargo' Or City Eq 'Moorhead'", 'City'],
    [
      "City Eq 'Fargo' And (BedsTotal Ge 3 Or (ListPrice Le 200000 And BathsTotal Ge 2))",
      "City Eq 'Fargo' And (BedsTotal Ge 3 Or (ListPrice Le 200000 And BathsTotal Ge 2))",
    ],
    ["City Eq 'Gotham'", "'Gotham'"],
    ["MlsStatus Eq 'Sold'", "'Sold'"],
    ["ListPrice Eq 'cheap'", "'cheap'"],
    ["City Eq 'Fargo", "'Fargo"],
  ])(
    'refuses the Filter %s with 400/1040 naming %s, and changes nothing',
    async (filter, token) => {
      const before = tableHashes(server.db);
      const refused = await call('POST', path, { body: { D: { Name: 'Nope', Filter: filter } } });
      expectFailure(refused, 400, 1040);
      expect(refused.json.D.SparkQLErrors[0].Token).toBe(token);
      expect(tableHashes(server.db)).toEqual(before);
    },
  );

  it('accepts one level of nesting, a list of values and a wildcard', async () => {
    const made = await call('POST', path, {
      body: {
        D: {
          Name: 'Nested once',
          Filter: "City Eq 'Fargo','West*' And (BedsTotal Ge 3 Or PropertyType Eq 'B')",
        },
      },
    });
    expect(made.status).toBe(201);
  });

  it('changes Name, Description or Filter with PUT; refuses a bad one and nothing', async () => {
    const [search] = (await searchesOf(path)).filter((s) => s.Name === 'Family homes in Horace');
    const uri = `${path}/${search?.Id}`;
    const put = await call('PUT', uri, {
      body: {
        D: {
          ...search,
          Name: 'Horace, 4 beds',
          Filter: "City Eq 'Horace' And BedsTotal Ge 4 And MlsStatus Eq 'Active'",
          Provided: false,
        },
      },
    });
    expect(put.json).toEqual({ D: { Success: true } });
    const read = (await call('GET', uri)).json.D.Results[0];
    expect(read).toMatchObject({
      Name: 'Horace, 4 beds',
      Description: 'Four bedrooms, a yard',
      Provided: true,
    });
    expect(read.ModificationTimestamp >= (search?.ModificationTimestamp ?? '')).toBe(true);
    const before = tableHashes(server.db);
    expectFailure(await call('PUT', uri, { body: { D: {} } }), 400, 1050);
    expectFailure(await call('PUT', uri, { body: { D: { Filter: 'Nope Eq 1' } } }), 400, 1040);
    expectFailure(await call('PUT', uri, { body: { D: { Name: '' } } }), 400, 1053);
    expect(tableHashes(server.db)).toEqual(before);
    const cleared = await call('PUT', uri, { body: { D: { Filter: null } } });
    expect(cleared.status).toBe(200);
    expect((await call('GET', uri)).json.D.Results[0].Filter).toBeNull();
  });

  it('deletes one; then it is 404 and SavedSearch Eq answers 400/2001', async () => {
    const [search] = (await searchesOf(path)).filter((s) => s.Name === 'Nested once');
    expect((await call('DELETE', `${path}/${search?.Id}`)).json).toEqual({ D: { Success: true } });
    expectFailure(await call('GET', `${path}/${search?.Id}`), 404, 404);
    expectFailure(
      await call('GET', `/v1/listings${q({ _filter: `SavedSearch Eq '${search?.Id}'` })}`),
      400,
      2001,
    );
  });

  it('runs a search with SavedSearch Eq: the listings its Filter finds; none: every listing', async () => {
    const searches = await searchesOf(path);
    for (const search of searches) {
      const viaSearch = await call(
        'GET',
        `/v1/listings${q({ _filter: `SavedSearch Eq '${search.Id}'`, _limit: 25 })}`,
      );
      const viaFilter = await call(
        'GET',
        `/v1/listings${q({ _filter: search.Filter ?? '', _limit: 25 })}`,
      );
      expect(sparkResultsSchema(listingSchema).parse(viaSearch.json).D.Results).toEqual(
        viaFilter.json.D.Results,
      );
    }
    expect(searches.some((s) => s.Filter === null)).toBe(true);
    const filtered = searches.find((s) => s.Filter !== null);
    const count = async (filter: string) =>
      (await call('GET', `/v1/listings${q({ _filter: filter, _pagination: 'count' })}`)).json.D
        .Pagination.TotalRows as number;
    const combined = await count(`SavedSearch Eq '${filtered?.Id}' And ListPrice Lt 300000`);
    expect(combined).toBe(await count(`(${filtered?.Filter}) And ListPrice Lt 300000`));
    expect(combined).toBeLessThan(await count(`SavedSearch Eq '${filtered?.Id}'`));
  });

  it('answers 404 for another agent’s contact, 1100 without a portal, 403 for consumers', async () => {
    expectFailure(await call('GET', path, { token: DEMO_ACCOUNTS.jordan.token }), 404, 404);
    expectFailure(await call('GET', path, { token: vow.token }), 403, 1500);
    const [search] = await searchesOf(path);
    expectFailure(
      await call('GET', `/v1/listings${q({ _filter: `SavedSearch Eq '${search?.Id}'` })}`, {
        token: DEMO_ACCOUNTS.jordan.token,
      }),
      400,
      2001,
    );
  });
});

describe('a consumer’s saved searches "As Portal Group"', () => {
  it('reads, creates and runs the circle owner’s searches', async () => {
    const asVow = await searchesOf('/v1/savedsearches', vow.token);
    const asAgent = await searchesOf(`/v1/contacts/${showcaseOwner}/savedsearches`);
    expect(asVow.map((s) => s.Id)).toEqual(asAgent.map((s) => s.Id));
    expect(asVow.length).toBeGreaterThan(0);
    for (const search of asVow) expect(search.ResourceUri).toBe(`/v1/savedsearches/${search.Id}`);
    const made = await call('POST', '/v1/savedsearches', {
      token: vow.token,
      body: { D: { SavedSearches: [{ Name: 'Our shortlist', Filter: "PropertyType Eq 'B'" }] } },
    });
    expect(made.status).toBe(201);
    const mine = (await searchesOf(`/v1/contacts/${showcaseOwner}/savedsearches`)).find(
      (s) => s.Name === 'Our shortlist',
    );
    expect(mine).toMatchObject({ OwnerId: showcaseGroup, Provided: false });
    expect(await count(`SavedSearch Eq '${mine?.Id}'`, vow.token)).toBe(
      await count("PropertyType Eq 'B'"),
    );
  });

  it('cannot run a search of another circle (2001); IDX and Public read none and write none', async () => {
    const [other] = await searchesOf(path);
    expectFailure(
      await call('GET', `/v1/listings${q({ _filter: `SavedSearch Eq '${other?.Id}'` })}`, {
        token: vow.token,
      }),
      400,
      2001,
    );
    expectFailure(
      await call('GET', `/v1/savedsearches/${other?.Id}`, { token: vow.token }),
      404,
      404,
    );
    for (const token of [DEMO_ACCOUNTS.idx.token, DEMO_ACCOUNTS.public.token]) {
      expect(await searchesOf('/v1/savedsearches', token)).toEqual([]);
      expectFailure(
        await call('POST', '/v1/savedsearches', { token, body: { D: { Name: 'x' } } }),
        405,
        1018,
      );
    }
  });

  it('answers 1025 when the current circle is gone', async () => {
    const token = DEMO_ACCOUNTS.portal.token;
    const groups = (await call('GET', `/v1/portal/groups${q({ _limit: 25 })}`, { token })).json.D
      .Results as PortalGroup[];
    const circle = groups.find(
      (g) => g.ContactId !== DEMO_ACCOUNTS.portal.contactId,
    ) as PortalGroup;
    await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: circle.Id } } });
    await call('DELETE', `/v1/portal/groups/${circle.Id}/users/${DEMO_ACCOUNTS.portal.contactId}`);
    expectFailure(await call('GET', '/v1/savedsearches', { token }), 400, 1025);
    expectFailure(
      await call('POST', '/v1/savedsearches', { token, body: { D: { Name: 'x' } } }),
      400,
      1025,
    );
    await call('DELETE', '/v1/portal/groups/current', { token });
    expect((await call('GET', '/v1/savedsearches', { token })).status).toBe(200);
  });
});
