import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactRecord as Contact } from '../../shared/contacts.js';
import type { PortalGroupRecord as PortalGroup } from '../../shared/portal-groups.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { expectFailure, q, sparkClient, type SparkCall } from '../testing/spark-call.js';

let server: TestServer;
let call: SparkCall;
/** Avery's contacts with an enabled portal account that own no group, with that account's Id. */
let free: { contact: Contact; portalId: string }[];
let withoutPortal: Contact[];
let disabled: { contact: Contact; portalId: string };

const UNKNOWN_ID = '20990101000000000000000099';

async function allContacts(filter: string): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (let page = 1; ; page++) {
    const response = await call(
      'GET',
      `/v1/contacts${q({ _filter: filter, _limit: 25, _page: page })}`,
    );
    contacts.push(...response.json.D.Results);
    if (response.json.D.Results.length < 25) return contacts;
  }
}

async function portalIdOf(contact: Contact): Promise<string | undefined> {
  const response = await call('GET', `/v1/contacts/${contact.Id}/portal`);
  return response.status === 200 ? response.json.D.Results[0].Id : undefined;
}

async function group(id: string): Promise<PortalGroup> {
  const response = await call('GET', `/v1/portal/groups/${id}`);
  expect(response.status).toBe(200);
  return response.json.D.Results[0];
}

const memberIds = (g: PortalGroup) => g.Users.map((u) => u.Id);

async function snapshot() {
  const response = await call('GET', `/v1/portal/groups${q({ _limit: 25, _pagination: 1 })}`);
  const rest = await call('GET', `/v1/portal/groups${q({ _limit: 25, _page: 2 })}`);
  return JSON.stringify([response.json, rest.json]);
}

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
  const owners = new Set<string>();
  for (let page = 1; page <= 2; page++) {
    const response = await call(
      'GET',
      `/v1/portal/groups${q({ _limit: 25, _page: page, _select: 'ContactId' })}`,
    );
    for (const g of response.json.D.Results) owners.add(g.ContactId);
  }
  const enabled = (await allContacts('VowEnabled Eq true')).filter((c) => !owners.has(c.Id));
  free = [];
  for (const contact of enabled.slice(0, 12)) {
    free.push({ contact, portalId: (await portalIdOf(contact)) as string });
  }
  withoutPortal = [];
  let disabledFound: typeof disabled | undefined;
  for (const contact of await allContacts('VowEnabled Eq false')) {
    const portalId = await portalIdOf(contact);
    if (portalId) disabledFound ??= { contact, portalId };
    else withoutPortal.push(contact);
  }
  disabled = disabledFound as typeof disabled;
});
afterAll(() => server.dispose());

const pick = (i: number) => free[i] as { contact: Contact; portalId: string };

describe('POST /v1/portal/groups/<Id>', () => {
  it('creates a group (201) with members given by contact Id or portal account Id', async () => {
    expect(withoutPortal.length).toBeGreaterThanOrEqual(5);
    const owner = pick(0);
    expectFailure(await call('GET', `/v1/portal/groups/${owner.portalId}`), 404, 404);
    const response = await call('POST', `/v1/portal/groups/${owner.portalId}`, {
      body: { D: { Users: [{ Id: pick(1).contact.Id }, { Id: pick(2).portalId }] } },
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      D: { Success: true, Results: [{ ResourceUri: `/v1/portal/groups/${owner.portalId}` }] },
    });
    const created = await group(owner.portalId);
    expect(created.ContactId).toBe(owner.contact.Id);
    expect(created.Tags).toEqual([]);
    expect(memberIds(created)[0]).toBe(owner.contact.Id);
    expect(new Set(memberIds(created))).toEqual(
      new Set([owner.contact.Id, pick(1).contact.Id, pick(2).contact.Id]),
    );
    const listed = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: `ContactId Eq '${owner.contact.Id}'` })}`,
    );
    expect(listed.json.D.Results).toEqual([created]);
  });

  it('adds to an existing group (200), ignoring users already in it', async () => {
    const id = pick(0).portalId;
    const before = await group(id);
    const response = await call('POST', `/v1/portal/groups/${id}`, {
      body: {
        D: {
          Users: [
            { Id: pick(3).contact.Id },
            { Id: pick(1).contact.Id },
            { Id: pick(0).contact.Id },
          ],
        },
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ D: { Success: true } });
    const after = await group(id);
    expect(memberIds(after).sort()).toEqual([...memberIds(before), pick(3).contact.Id].sort());
    const again = await call('POST', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(3).portalId }] } },
    });
    expect(again.status).toBe(200);
    expect(await group(id)).toEqual(after);
  });

  it('accepts disabled portal accounts as members, shown as not Enabled', async () => {
    const id = pick(0).portalId;
    await call('POST', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: disabled.contact.Id }] } },
    });
    const member = (await group(id)).Users.find((u) => u.Id === disabled.contact.Id);
    expect(member).toMatchObject({ Enabled: false, Active: false });
  });

  it('rejects an unknown Id with 1053 naming it, and changes nothing', async () => {
    const id = pick(0).portalId;
    const before = await snapshot();
    const response = await call('POST', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(4).contact.Id }, { Id: UNKNOWN_ID }] } },
    });
    expectFailure(response, 400, 1053);
    expect(response.json.D.Errors).toEqual([
      {
        Type: 'InvalidAttribute',
        Attribute: 'Users[1].Id',
        Message: expect.stringContaining(UNKNOWN_ID),
      },
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('rejects a contact with no portal account with 1100, and creates nothing', async () => {
    const owner = pick(5);
    const response = await call('POST', `/v1/portal/groups/${owner.portalId}`, {
      body: { D: { Users: [{ Id: pick(6).contact.Id }, { Id: withoutPortal[0]?.Id }] } },
    });
    expectFailure(response, 400, 1100);
    expectFailure(await call('GET', `/v1/portal/groups/${owner.portalId}`), 404, 404);
  });

  it('treats another agent’s contact as unknown', async () => {
    const jordans = await call('GET', '/v1/portal/groups', { token: 'demo-private-2' });
    const foreign: PortalGroup = jordans.json.D.Results[0];
    const response = await call('POST', `/v1/portal/groups/${pick(0).portalId}`, {
      body: { D: { Users: [{ Id: foreign.ContactId }] } },
    });
    expectFailure(response, 400, 1053);
    expectFailure(
      await call('POST', `/v1/portal/groups/${foreign.Id}`, {
        body: { D: { Users: [{ Id: pick(1).contact.Id }] } },
      }),
      404,
      404,
    );
  });

  it('answers 404 when the Id is not one of the caller’s portal accounts', async () => {
    const body = { D: { Users: [{ Id: pick(1).contact.Id }] } };
    expectFailure(
      await call('POST', `/v1/portal/groups/${pick(7).contact.Id}`, { body }),
      404,
      404,
    );
    expectFailure(await call('POST', `/v1/portal/groups/${UNKNOWN_ID}`, { body }), 404, 404);
  });

  it('validates the body: missing Users 1050, empty or over 100 users 1053', async () => {
    const path = `/v1/portal/groups/${pick(0).portalId}`;
    expectFailure(await call('POST', path, { body: { D: {} } }), 400, 1050);
    expectFailure(await call('POST', path, { body: {} }), 400, 1050);
    expectFailure(await call('POST', path, { body: { D: { Users: [{}] } } }), 400, 1050);
    expectFailure(await call('POST', path, { body: { D: { Users: [] } } }), 400, 1053);
    const many = Array.from({ length: 101 }, () => ({ Id: pick(1).contact.Id }));
    expectFailure(await call('POST', path, { body: { D: { Users: many } } }), 400, 1053);
    expectFailure(await call('POST', path, { body: { D: { Users: 'all' } } }), 400, 1053);
  });
});

describe('PUT /v1/portal/groups/<Id>', () => {
  it('replaces Users, keeping the owner whether listed or not', async () => {
    const id = pick(0).portalId;
    await call('PUT', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(8).contact.Id }, { Id: pick(9).portalId }] } },
    });
    const replaced = memberIds(await group(id));
    expect(replaced[0]).toBe(pick(0).contact.Id);
    expect(new Set(replaced.slice(1))).toEqual(new Set([pick(8).contact.Id, pick(9).contact.Id]));
    const empty = await call('PUT', `/v1/portal/groups/${id}`, { body: { D: { Users: [] } } });
    expect(empty.json).toEqual({ D: { Success: true } });
    expect(memberIds(await group(id))).toEqual([pick(0).contact.Id]);
    await call('PUT', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(0).contact.Id }, { Id: pick(8).contact.Id }] } },
    });
    expect(memberIds(await group(id))).toEqual([pick(0).contact.Id, pick(8).contact.Id]);
  });

  it('sets and clears the Favorites tag', async () => {
    const id = pick(0).portalId;
    await call('PUT', `/v1/portal/groups/${id}`, { body: { D: { Tags: ['Favorites'] } } });
    expect((await group(id)).Tags).toEqual(['Favorites']);
    const favorites = await call(
      'GET',
      `/v1/portal/groups${q({ _filter: `ContactId Eq '${pick(0).contact.Id}'`, _select: 'Tags' })}`,
    );
    expect(favorites.json.D.Results[0].Tags).toEqual(['Favorites']);
    await call('PUT', `/v1/portal/groups/${id}`, { body: { D: { Tags: [] } } });
    expect((await group(id)).Tags).toEqual([]);
  });

  it('refuses other tags (1053), neither attribute (1050), a bad user, changing nothing', async () => {
    const id = pick(0).portalId;
    const before = await snapshot();
    expectFailure(
      await call('PUT', `/v1/portal/groups/${id}`, { body: { D: { Tags: ['Hot'] } } }),
      400,
      1053,
    );
    expectFailure(await call('PUT', `/v1/portal/groups/${id}`, { body: { D: {} } }), 400, 1050);
    expectFailure(
      await call('PUT', `/v1/portal/groups/${id}`, {
        body: { D: { Tags: ['Favorites'], Users: [{ Id: UNKNOWN_ID }] } },
      }),
      400,
      1053,
    );
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a portal account that owns no group', async () => {
    expectFailure(
      await call('PUT', `/v1/portal/groups/${pick(10).portalId}`, { body: { D: { Tags: [] } } }),
      404,
      404,
    );
  });
});

describe('DELETE members and groups', () => {
  it('removes a member by contact Id or portal account Id', async () => {
    const id = pick(0).portalId;
    await call('PUT', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(1).contact.Id }, { Id: pick(2).contact.Id }] } },
    });
    const byContact = await call('DELETE', `/v1/portal/groups/${id}/users/${pick(1).contact.Id}`);
    expect(byContact.json).toEqual({ D: { Success: true } });
    expect((await call('DELETE', `/v1/portal/groups/${id}/users/${pick(2).portalId}`)).status).toBe(
      200,
    );
    expect(memberIds(await group(id))).toEqual([pick(0).contact.Id]);
  });

  it('refuses to remove the owner (1053) and answers 404 for a non-member', async () => {
    const id = pick(0).portalId;
    expectFailure(
      await call('DELETE', `/v1/portal/groups/${id}/users/${pick(0).contact.Id}`),
      400,
      1053,
    );
    expectFailure(
      await call('DELETE', `/v1/portal/groups/${id}/users/${pick(0).portalId}`),
      400,
      1053,
    );
    expectFailure(
      await call('DELETE', `/v1/portal/groups/${id}/users/${pick(11).contact.Id}`),
      404,
      404,
    );
    expectFailure(await call('DELETE', `/v1/portal/groups/${id}/users/${UNKNOWN_ID}`), 404, 404);
    expectFailure(
      await call('DELETE', `/v1/portal/groups/${UNKNOWN_ID}/users/${pick(0).contact.Id}`),
      404,
      404,
    );
  });

  it('destroys a group but keeps its contacts and portal accounts; it can be created again', async () => {
    const id = pick(0).portalId;
    await call('POST', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(1).contact.Id }] } },
    });
    const response = await call('DELETE', `/v1/portal/groups/${id}`);
    expect(response.json).toEqual({ D: { Success: true } });
    expectFailure(await call('GET', `/v1/portal/groups/${id}`), 404, 404);
    expectFailure(await call('DELETE', `/v1/portal/groups/${id}`), 404, 404);
    for (const c of [pick(0), pick(1)]) {
      expect((await call('GET', `/v1/contacts/${c.contact.Id}`)).status).toBe(200);
      expect((await call('GET', `/v1/contacts/${c.contact.Id}/portal`)).json.D.Results[0].Id).toBe(
        c.portalId,
      );
    }
    const recreated = await call('POST', `/v1/portal/groups/${id}`, {
      body: { D: { Users: [{ Id: pick(1).contact.Id }] } },
    });
    expect(recreated.status).toBe(201);
    expect(memberIds(await group(id))).toEqual([pick(0).contact.Id, pick(1).contact.Id]);
  });
});
