import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../shared/envelope.js';
import {
  portalGroupSchema,
  type PortalGroupRecord as PortalGroup,
} from '../../shared/portal-groups.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { foldKey } from './store/text.js';
import { expectFailure, q, sparkClient, type SparkCall } from '../testing/spark-call.js';

const listSchema = sparkResultsSchema(portalGroupSchema);

let server: TestServer;
let call: SparkCall;
let allGroups: PortalGroup[];

async function listAll(token = 'demo-private', params: Record<string, string> = {}) {
  const groups: PortalGroup[] = [];
  for (let page = 1; ; page++) {
    const response = await call(
      'GET',
      `/v1/portal/groups${q({ ...params, _limit: 25, _page: page })}`,
      {
        token,
      },
    );
    expect(response.status).toBe(200);
    const results = listSchema.parse(response.json).D.Results;
    groups.push(...results);
    if (results.length < 25) return groups;
  }
}

const ownerName = (group: PortalGroup) =>
  group.Users.find((user) => user.Id === group.ContactId)?.Name ?? '';

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
  allGroups = await listAll();
});
afterAll(() => server.dispose());

describe('GET /v1/portal/groups', () => {
  it('lists the agent’s groups in the documented shape, owner first in Users', () => {
    expect(allGroups.length).toBeGreaterThanOrEqual(36);
    for (const group of allGroups) {
      expect(group.ResourceUri).toBe(`/v1/portal/groups/${group.Id}`);
      expect(group.Users.length).toBeGreaterThanOrEqual(1);
      expect(group.Users.length).toBeLessThanOrEqual(8);
      expect(group.Users[0]?.Id).toBe(group.ContactId);
      expect(group.Users[0]?.ResourceUri).toBe(`/v1/contacts/${group.ContactId}`);
      expect(['[]', '["Favorites"]']).toContain(JSON.stringify(group.Tags));
    }
    expect(allGroups.some((g) => g.Tags.includes('Favorites'))).toBe(true);
  });

  it('orders by the owner’s Name as shown, accent- and case-insensitively, ties by Id', () => {
    const names = allGroups.map(ownerName);
    const index = (name: string) => names.indexOf(name);
    expect(index('Amelia Brooks')).toBeLessThan(index('Ana de la Cruz'));
    expect(index('Ana de la Cruz')).toBeLessThan(index('Aria Quinn'));
    expect(index('Lucas Silva')).toBeLessThan(index('Marco Alvarez'));
    expect(index('Marco Alvarez')).toBeLessThan(index('Mateo García'));
    expect(index('Pieter van der Berg')).toBeLessThan(index("Renée D'Amico"));
    expect(index('Scarlett Ortiz')).toBeLessThan(index('Sofía Álvarez'));
    expect(index('Zoë Müller')).toBe(names.length - 1);
    const byName = allGroups
      .map((group) => ({ key: foldKey(ownerName(group)), id: group.Id }))
      .sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key < b.key ? -1 : 1));
    expect(allGroups.map((group) => group.Id)).toEqual(byName.map((entry) => entry.id));
  });

  it('orders descending with -Name and ascending with Name or +Name', async () => {
    const descending = await listAll('demo-private', { _orderby: '-Name' });
    expect(descending.map((g) => g.Id)).toEqual([...allGroups].reverse().map((g) => g.Id));
    for (const orderby of ['Name', '+Name']) {
      const page = await call('GET', `/v1/portal/groups${q({ _orderby: orderby, _limit: 25 })}`);
      expect(page.json.D.Results.map((g: PortalGroup) => g.Id)).toEqual(
        allGroups.slice(0, 25).map((g) => g.Id),
      );
    }
    const unencodedPlus = await call('GET', '/v1/portal/groups?_orderby=+Name&_limit=3');
    expect(unencodedPlus.status).toBe(200);
  });

  it('refuses other _orderby fields with 1053', async () => {
    for (const orderby of ['ContactId', '-Id', 'name']) {
      expectFailure(await call('GET', `/v1/portal/groups${q({ _orderby: orderby })}`), 400, 1053);
    }
  });

  it('pages with _limit, _page and _pagination', async () => {
    const total = allGroups.length;
    const defaultPage = await call('GET', '/v1/portal/groups');
    expect(defaultPage.json.D.Results).toHaveLength(10);
    expect(defaultPage.json.D.Pagination).toBeUndefined();
    const one = await call('GET', `/v1/portal/groups${q({ _limit: 1, _page: 2, _pagination: 1 })}`);
    expect(one.json.D.Results.map((g: PortalGroup) => g.Id)).toEqual([allGroups[1]?.Id]);
    expect(one.json.D.Pagination).toEqual({
      TotalRows: total,
      PageSize: 1,
      TotalPages: total,
      CurrentPage: 2,
    });
    const second = await call(
      'GET',
      `/v1/portal/groups${q({ _limit: 25, _page: 2, _pagination: 1 })}`,
    );
    expect(second.json.D.Results.map((g: PortalGroup) => g.Id)).toEqual(
      allGroups.slice(25).map((g) => g.Id),
    );
    expect(second.json.D.Pagination.TotalPages).toBe(Math.ceil(total / 25));
    const past = await call('GET', `/v1/portal/groups${q({ _limit: 25, _page: 99 })}`);
    expect(past.json.D).toEqual({ Success: true, Results: [] });
    const count = await call('GET', `/v1/portal/groups${q({ _pagination: 'count' })}`);
    expect(count.json.D).toEqual({
      Success: true,
      Results: [],
      Pagination: {
        TotalRows: total,
        PageSize: 10,
        TotalPages: Math.ceil(total / 10),
        CurrentPage: 1,
      },
    });
  });

  it('refuses bad paging parameters with 1053', async () => {
    const invalid: Record<string, string | number>[] = [
      { _limit: 0 },
      { _limit: 26 },
      { _limit: 'ten' },
      { _limit: 2.5 },
      { _page: 0 },
      { _pagination: 2 },
    ];
    for (const params of invalid) {
      expectFailure(await call('GET', `/v1/portal/groups${q(params)}`), 400, 1053);
    }
  });

  it('returns only _select attributes, always with Id and ResourceUri', async () => {
    const response = await call('GET', `/v1/portal/groups${q({ _select: 'Tags', _limit: 3 })}`);
    for (const group of response.json.D.Results) {
      expect(Object.keys(group).sort()).toEqual(['Id', 'ResourceUri', 'Tags']);
    }
    expectFailure(await call('GET', `/v1/portal/groups${q({ _select: 'Bogus' })}`), 400, 1053);
  });

  it('filters by Name (case- and accent-insensitive, wildcards) and ContactId', async () => {
    const byName = async (filter: string) =>
      (
        await call('GET', `/v1/portal/groups${q({ _filter: filter, _limit: 25 })}`)
      ).json.D.Results.map(ownerName);
    expect(await byName("Name Eq 'sofia alvarez'")).toEqual(['Sofía Álvarez']);
    expect((await byName("Name Eq contains('ALVAREZ')")).sort()).toEqual([
      'Marco Alvarez',
      'Sofía Álvarez',
    ]);
    expect(await byName("Name Eq 'Ana*'")).toEqual(['Ana de la Cruz']);
    expect(await byName("Name Eq 'zoe*' Or Name Eq 'bjorn*'")).toEqual([
      'Björn Björk',
      'Zoë Müller',
    ]);
    const target = allGroups[5] as PortalGroup;
    const byContact = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: `ContactId Eq '${target.ContactId}'`, _pagination: 1 })}`,
    );
    expect(byContact.json.D.Results.map((g: PortalGroup) => g.Id)).toEqual([target.Id]);
    expect(byContact.json.D.Pagination.TotalRows).toBe(1);
  });

  it('refuses bad filters: syntax or unknown field 1040, a limit 1041, both with SparkQLErrors', async () => {
    const unknown = await call('GET', `/v1/portal/groups${q({ _filter: "Color Eq 'red'" })}`);
    expectFailure(unknown, 400, 1040);
    expect(unknown.json.D.SparkQLErrors[0]).toMatchObject({ Token: 'Color', Status: 'Fatal' });
    expectFailure(await call('GET', `/v1/portal/groups${q({ _filter: "Name Eq 'x" })}`), 400, 1040);
    const tooMany = Array.from({ length: 80 }, (_, i) => `Name Eq 'n${i}'`).join(' Or ');
    const limited = await call('GET', `/v1/portal/groups${q({ _filter: tooMany })}`);
    expectFailure(limited, 400, 1041);
    expect(limited.json.D.SparkQLErrors).toEqual([
      { Token: 'Name', Status: 'Fatal', Message: limited.json.D.Message },
    ]);
    const deep = await call('GET', `/v1/portal/groups${q({ _filter: "(((Name Eq 'a')))" })}`);
    expectFailure(deep, 400, 1041);
    expect(deep.json.D.SparkQLErrors).toMatchObject([{ Token: '(', Status: 'Fatal' }]);
    const long = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: `Name Eq '${'a'.repeat(4000)}'` })}`,
    );
    expectFailure(long, 400, 1041);
    expect(long.json.D.SparkQLErrors).toMatchObject([{ Status: 'Fatal' }]);
  });

  it('shows Active only for enabled accounts signed in within 30 days, and disabled members', () => {
    const users = allGroups.flatMap((g) => g.Users);
    const monthAgo = Date.now() - 30 * 86_400_000;
    for (const user of users) {
      const recent = user.LastLogin !== null && Date.parse(user.LastLogin) >= monthAgo;
      expect(user.Active).toBe(user.Enabled && recent);
      expect(user.LastLogin === null || user.LastLogin.endsWith('Z')).toBe(true);
    }
    expect(users.some((u) => !u.Enabled)).toBe(true);
    expect(users.some((u) => u.LastLogin === null)).toBe(true);
    expect(users.some((u) => u.Active)).toBe(true);
  });

  it('orders the other members by Name after the owner', () => {
    for (const group of allGroups) {
      const others = group.Users.slice(1).map((u) => foldKey(u.Name));
      expect(others).toEqual([...others].sort());
    }
  });
});

describe('GET /v1/portal/groups/<Id>', () => {
  it('answers one group with its users', async () => {
    const target = allGroups[3] as PortalGroup;
    const response = await call('GET', `/v1/portal/groups/${target.Id}`);
    expect(listSchema.parse(response.json).D.Results).toEqual([target]);
    const selected = await call('GET', `/v1/portal/groups/${target.Id}?_select=ContactId`);
    expect(selected.json.D.Results).toEqual([
      { Id: target.Id, ResourceUri: target.ResourceUri, ContactId: target.ContactId },
    ]);
  });

  it('answers 404 for an unknown Id', async () => {
    expectFailure(await call('GET', '/v1/portal/groups/20990101000000000000000001'), 404, 404);
  });
});

describe('roles and tenants', () => {
  it('keeps agents apart both ways: the other agent’s group is 404', async () => {
    const jordans = await listAll('demo-private-2');
    expect(jordans).toHaveLength(5);
    const averyIds = new Set(allGroups.map((g) => g.Id));
    expect(jordans.some((g) => averyIds.has(g.Id))).toBe(false);
    const avery = allGroups[0] as PortalGroup;
    const jordan = jordans[0] as PortalGroup;
    expectFailure(
      await call('GET', `/v1/portal/groups/${avery.Id}`, { token: 'demo-private-2' }),
      404,
      404,
    );
    expectFailure(await call('GET', `/v1/portal/groups/${jordan.Id}`), 404, 404);
    expectFailure(
      await call('DELETE', `/v1/portal/groups/${avery.Id}`, { token: 'demo-private-2' }),
      404,
      404,
    );
    expectFailure(
      await call('PUT', `/v1/portal/groups/${jordan.Id}`, { body: { D: { Tags: [] } } }),
      404,
      404,
    );
    const filtered = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: `ContactId Eq '${jordan.ContactId}'` })}`,
    );
    expect(filtered.json.D.Results).toEqual([]);
  });

  it.each(['demo-vow', 'demo-portal'])(
    '%s reads only the groups it is a member of',
    async (token) => {
      const consumer = token === 'demo-vow' ? DEMO_ACCOUNTS.vow : DEMO_ACCOUNTS.portal;
      const mine = await listAll(token);
      const expected = allGroups.filter((g) => g.Users.some((u) => u.Id === consumer.contactId));
      expect(mine.map((g) => g.Id)).toEqual(expected.map((g) => g.Id));
      if (token === 'demo-vow') expect(mine.length).toBeGreaterThanOrEqual(2);
      const other = allGroups.find((g) => !expected.includes(g)) as PortalGroup;
      expectFailure(await call('GET', `/v1/portal/groups/${other.Id}`, { token }), 404, 404);
      expect((await call('GET', `/v1/portal/groups/${expected[0]?.Id}`, { token })).status).toBe(
        200,
      );
    },
  );

  it.each(['demo-vow', 'demo-portal'])('%s may not write groups (405/1018)', async (token) => {
    const group = allGroups[0] as PortalGroup;
    const path = `/v1/portal/groups/${group.Id}`;
    expectFailure(
      await call('POST', path, { token, body: { D: { Users: [{ Id: group.ContactId }] } } }),
      405,
      1018,
    );
    expectFailure(await call('PUT', path, { token, body: { D: { Tags: [] } } }), 405, 1018);
    expectFailure(await call('DELETE', path, { token }), 405, 1018);
    expectFailure(await call('DELETE', `${path}/users/${group.ContactId}`, { token }), 405, 1018);
  });

  it.each(['demo-idx', 'demo-public'])(
    '%s may not use portal groups or contacts (403/1500)',
    async (token) => {
      const group = allGroups[0] as PortalGroup;
      expectFailure(await call('GET', '/v1/portal/groups', { token }), 403, 1500);
      expectFailure(await call('GET', `/v1/portal/groups/${group.Id}`, { token }), 403, 1500);
      expectFailure(await call('GET', '/v1/portal/groups/current', { token }), 403, 1500);
      expectFailure(
        await call('PUT', `/v1/portal/groups/${group.Id}`, { token, body: { D: { Tags: [] } } }),
        403,
        1500,
      );
      expectFailure(await call('GET', '/v1/contacts', { token }), 403, 1500);
      expectFailure(
        await call('GET', `/v1/contacts/${group.ContactId}/portal`, { token }),
        403,
        1500,
      );
    },
  );
});

describe('/v1/portal/groups/current', () => {
  it('lets a consumer select, read and clear a group they belong to', async () => {
    const token = 'demo-vow';
    const mine = await listAll(token);
    const seeded = (await call('GET', '/v1/portal/groups/current', { token })).json.D.Results;
    expect(seeded).toHaveLength(1);
    expect(mine.map((g) => g.Id)).toContain(seeded[0].Id);
    const none = await call('GET', '/v1/portal/groups/current', { token: 'demo-portal' });
    expect(none.json.D).toEqual({ Success: true, Results: [] });
    const target = mine.find((g) => g.Id !== seeded[0].Id) as PortalGroup;
    const put = await call('PUT', '/v1/portal/groups/current', {
      token,
      body: { D: { Id: target.Id } },
    });
    expect(put.json).toEqual({ D: { Success: true } });
    const current = await call('GET', '/v1/portal/groups/current', { token });
    expect(current.json.D.Results).toEqual([target]);
    const other = await call('GET', '/v1/portal/groups/current', { token: 'demo-portal' });
    expect(other.json.D.Results).toEqual([]);
    expect((await call('DELETE', '/v1/portal/groups/current', { token })).json).toEqual({
      D: { Success: true },
    });
    expect((await call('GET', '/v1/portal/groups/current', { token })).json.D.Results).toEqual([]);
    await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: seeded[0].Id } } });
  });

  it('refuses a group the consumer is not in (404) and a missing Id (1050)', async () => {
    const token = 'demo-vow';
    const mine = new Set((await listAll(token)).map((g) => g.Id));
    const foreign = allGroups.find((g) => !mine.has(g.Id)) as PortalGroup;
    expectFailure(
      await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: foreign.Id } } }),
      404,
      404,
    );
    expectFailure(
      await call('PUT', '/v1/portal/groups/current', { token, body: { D: {} } }),
      400,
      1050,
    );
  });

  it('is for consumers only', async () => {
    expectFailure(await call('GET', '/v1/portal/groups/current'), 403, 1500);
  });

  it('reads as none once the selected group is destroyed', async () => {
    const token = 'demo-portal';
    const mine = await listAll(token);
    const target = mine.find((g) => g.ContactId !== DEMO_ACCOUNTS.portal.contactId) as PortalGroup;
    await call('PUT', '/v1/portal/groups/current', { token, body: { D: { Id: target.Id } } });
    expect((await call('GET', '/v1/portal/groups/current', { token })).json.D.Results).toHaveLength(
      1,
    );
    expect((await call('DELETE', `/v1/portal/groups/${target.Id}`)).status).toBe(200);
    expect((await call('GET', '/v1/portal/groups/current', { token })).json.D.Results).toEqual([]);
  });
});

describe('ties and renamed owners', () => {
  it('breaks name ties by Id, and follows an owner’s new name', async () => {
    const same = server.db
      .prepare(
        "UPDATE contacts SET display_name = 'Tie Twin', given_key = 'tie', family_key = 'twin', display_key = 'tie twin' WHERE id IN (SELECT contact_id FROM portal_groups WHERE agent_id = ? ORDER BY id DESC LIMIT 2)",
      )
      .run(DEMO_ACCOUNTS.avery.id);
    expect(same.changes).toBe(2);
    const twins = await call('GET', `/v1/portal/groups${q({ _filter: "Name Eq 'tie twin'" })}`);
    const ids = twins.json.D.Results.map((g: PortalGroup) => g.Id);
    expect(ids).toHaveLength(2);
    expect(ids).toEqual([...ids].sort());
    const reversed = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: "Name Eq 'TIE TWIN'", _orderby: '-Name' })}`,
    );
    expect(reversed.json.D.Results.map((g: PortalGroup) => g.Id)).toEqual([...ids].reverse());
  });
});

describe('answers served again', () => {
  it('a list read after a write shows the write, and each caller gets their own answer', async () => {
    const url = `/v1/portal/groups${q({ _limit: 25, _pagination: 1, _filter: "Name Eq '*a*'" })}`;
    const first = await call('GET', url);
    const again = await call('GET', url);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    const target = first.json.D.Results[0] as PortalGroup;
    const favorite = !target.Tags.includes('Favorites');
    const tags = favorite ? ['Favorites'] : [];
    expect(
      (await call('PUT', `/v1/portal/groups/${target.Id}`, { body: { D: { Tags: tags } } })).status,
    ).toBe(200);
    const after = (await call('GET', url)).json.D.Results as PortalGroup[];
    expect(after.find((g) => g.Id === target.Id)?.Tags).toEqual(tags);
    const other = await call('GET', url, { token: 'demo-private-2' });
    const mine = new Set(after.map((g) => g.Id));
    expect((other.json.D.Results as PortalGroup[]).some((g) => mine.has(g.Id))).toBe(false);
  });
});
