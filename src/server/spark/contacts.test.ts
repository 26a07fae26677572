import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contactSchema,
  portalAccountSchema,
  type ContactRecord as Contact,
} from '../../shared/contacts.js';
import { sparkResultsSchema } from '../../shared/envelope.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { foldKey } from './store/text.js';
import { expectFailure, q, sparkClient, type SparkCall } from '../testing/spark-call.js';

let server: TestServer;
let call: SparkCall;
const listSchema = sparkResultsSchema(contactSchema);

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
});
afterAll(() => server.dispose());

async function all(
  params: Record<string, string> = {},
  token = 'demo-private',
): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (let page = 1; ; page++) {
    const response = await call('GET', `/v1/contacts${q({ ...params, _limit: 25, _page: page })}`, {
      token,
    });
    expect(response.status).toBe(200);
    const results = listSchema.parse(response.json).D.Results;
    contacts.push(...results);
    if (results.length < 25) return contacts;
  }
}

describe('GET /v1/contacts', () => {
  it('lists the agent’s contacts ordered by DisplayName, folded', async () => {
    const contacts = await all();
    expect(contacts.length).toBeGreaterThanOrEqual(120);
    const keys = contacts.map((c) => foldKey(c.DisplayName));
    expect(keys).toEqual([...keys].sort());
    expect(contacts.filter((c) => c.VowEnabled).length).toBeGreaterThanOrEqual(90);
    expect(contacts.every((c) => c.ModificationTimestamp.endsWith('Z'))).toBe(true);
    const jordans = await all({}, 'demo-private-2');
    expect(jordans.length).toBe(20);
    const mine = new Set(contacts.map((c) => c.Id));
    expect(jordans.some((c) => mine.has(c.Id))).toBe(false);
  });

  it('orders by FamilyName, GivenName, ModificationTimestamp, descending with -', async () => {
    const byFamily = await all({ _orderby: 'FamilyName' });
    const families = byFamily.map((c) => foldKey(c.FamilyName ?? ''));
    expect(families).toEqual([...families].sort());
    const newest = await all({ _orderby: '-ModificationTimestamp' });
    const stamps = newest.map((c) => c.ModificationTimestamp);
    expect(stamps).toEqual([...stamps].sort().reverse());
    expectFailure(await call('GET', `/v1/contacts${q({ _orderby: 'PrimaryEmail' })}`), 400, 1053);
  });

  it('filters on its searchable fields', async () => {
    const obrien = await all({
      _filter: "FamilyName Eq 'o\\'brien' Or FamilyName Eq contains('BRIEN')",
    });
    expect(obrien.map((c) => c.DisplayName)).toContain("Liam O'Brien");
    const accents = await all({ _filter: "GivenName Eq 'zoe'" });
    expect(accents.map((c) => c.DisplayName)).toEqual(['Zoë Müller']);
    const off = await all({ _filter: 'VowEnabled Eq false' });
    expect(off.length).toBeGreaterThanOrEqual(5);
    expect(off.every((c) => !c.VowEnabled)).toBe(true);
    const email = await all({
      _filter: "PrimaryEmail Eq endswith('@example.com') And DisplayName Eq 'ana*'",
    });
    expect(email.map((c) => c.DisplayName)).toContain('Ana de la Cruz');
    const recent = await all({ _filter: 'ModificationTimestamp Gt 2026-11-26T00:00:00Z' });
    expect(recent.every((c) => c.ModificationTimestamp > '2026-11-26T00:00:00Z')).toBe(true);
    const one = (await all())[7] as Contact;
    expect((await all({ _filter: `Id Eq '${one.Id}'` })).map((c) => c.Id)).toEqual([one.Id]);
    expectFailure(await call('GET', `/v1/contacts${q({ _filter: "Nickname Eq 'x'" })}`), 400, 1040);
  });

  it('follows Spark for incremental sync: now(), days(), hours() and offsets without a colon', async () => {
    const created = await call('POST', '/v1/contacts', {
      body: { D: { GivenName: 'Sync', FamilyName: 'Probe' } },
    });
    const id: string = created.json.D.Results[0].ResourceUri.split('/').pop();
    const yesterday = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
    const since = await all({ _filter: 'ModificationTimestamp Ge days(-1)' });
    expect(since.map((c) => c.Id)).toContain(id);
    expect(since.every((c) => Date.parse(c.ModificationTimestamp) >= yesterday)).toBe(true);
    const ids = async (filter: string) =>
      (await all({ _filter: `${filter} And Id Eq '${id}'` })).map((c) => c.Id);
    expect(await ids('ModificationTimestamp Ge hours(-1)')).toEqual([id]);
    expect(await ids('ModificationTimestamp Le now()')).toEqual([id]);
    expect(await ids('ModificationTimestamp Gt now()')).toEqual([]);
    expect(await ids('ModificationTimestamp Lt days(-1)')).toEqual([]);
    expect(await ids(`year(ModificationTimestamp) Eq ${new Date().getUTCFullYear()}`)).toEqual([
      id,
    ]);
    const withColon = await all({ _filter: 'ModificationTimestamp Gt 2026-11-26T01:00:00+01:00' });
    const without = await all({ _filter: 'ModificationTimestamp Gt 2026-11-26T01:00:00+0100' });
    expect(without.map((c) => c.Id)).toEqual(withColon.map((c) => c.Id));
    expect(without.length).toBeGreaterThan(0);
  });

  it('refuses what Spark refuses, and what is outside the subset by name, with SparkQLErrors', async () => {
    const refusal = async (filter: string) => {
      const response = await call('GET', `/v1/contacts${q({ _filter: filter })}`);
      return {
        status: response.status,
        code: response.json.D.Code,
        errors: response.json.D.SparkQLErrors,
      };
    };
    const entry = (Token: string) => [{ Token, Status: 'Fatal', Message: expect.any(String) }];
    expect(await refusal("GivenName Eq 'a' And Not GivenName Eq 'b'")).toEqual({
      status: 400,
      code: 1040,
      errors: entry('Not'),
    });
    expect(await refusal("FamilyName Eq 'O''Brien'")).toMatchObject({
      code: 1040,
      errors: entry("'Brien'"),
    });
    expect(await refusal("GivenName Gt 'm'")).toMatchObject({ code: 1040, errors: entry('Gt') });
    expect(await refusal('VowEnabled Eq TRUE')).toMatchObject({
      code: 1040,
      errors: entry('TRUE'),
    });
    expect(await refusal("GivenName Eq NULL,'x'")).toMatchObject({
      code: 1040,
      errors: entry('NULL'),
    });
    expect(await refusal("tolower(GivenName) Eq 'x'")).toMatchObject({
      code: 1040,
      errors: entry('tolower'),
    });
    expect(await refusal('ListPrice Gt 5')).toMatchObject({
      code: 1040,
      errors: entry('ListPrice'),
    });
    const values = Array.from({ length: 201 }, (_, i) => `'v${i}'`).join(',');
    expect(await refusal(`GivenName Eq ${values}`)).toMatchObject({
      status: 400,
      code: 1041,
      errors: entry("'v200'"),
    });
  });

  it('supports _select and _pagination', async () => {
    const response = await call(
      'GET',
      `/v1/contacts${q({ _select: 'DisplayName', _limit: 2, _pagination: 1 })}`,
    );
    expect(Object.keys(response.json.D.Results[0]).sort()).toEqual([
      'DisplayName',
      'Id',
      'ResourceUri',
    ]);
    expect(response.json.D.Pagination).toMatchObject({ PageSize: 2, CurrentPage: 1 });
  });

  it('carries the phone numbers Spark keeps, as typed, null where there is none', async () => {
    const contacts = await all();
    const phones = ['MobilePhoneNumber', 'HomePhoneNumber', 'WorkPhoneNumber'] as const;
    for (const field of phones) {
      expect(contacts.some((c) => c[field]?.match(/^\(\d{3}\) 555-01\d{2}$/))).toBe(true);
    }
    expect(contacts.some((c) => phones.every((field) => c[field] === null))).toBe(true);
    const response = await call(
      'GET',
      `/v1/contacts${q({ _select: 'MobilePhoneNumber,WorkPhoneNumber', _limit: 1 })}`,
    );
    expect(Object.keys(response.json.D.Results[0]).sort()).toEqual([
      'Id',
      'MobilePhoneNumber',
      'ResourceUri',
      'WorkPhoneNumber',
    ]);
  });

  it('is for agents only', async () => {
    expectFailure(await call('GET', '/v1/contacts', { token: 'demo-vow' }), 403, 1500);
    expectFailure(await call('GET', '/v1/contacts', { token: 'demo-public' }), 403, 1500);
  });
});

describe('GET /v1/contacts/<Id>', () => {
  it('answers one of the agent’s contacts and 404 for another agent’s', async () => {
    const mine = (await all())[0] as Contact;
    const response = await call('GET', `/v1/contacts/${mine.Id}`);
    expect(listSchema.parse(response.json).D.Results).toEqual([mine]);
    expectFailure(
      await call('GET', `/v1/contacts/${mine.Id}`, { token: 'demo-private-2' }),
      404,
      404,
    );
  });
});

describe('POST /v1/contacts', () => {
  it('creates a contact with an enabled portal account (201)', async () => {
    const response = await call('POST', '/v1/contacts', {
      body: {
        D: { GivenName: 'Élise', FamilyName: 'van Houten', PrimaryEmail: 'elise@example.org' },
      },
    });
    expect(response.status).toBe(201);
    const uri: string = response.json.D.Results[0].ResourceUri;
    expect(uri).toMatch(/^\/v1\/contacts\/\d{26}$/);
    const contact = (await call('GET', uri)).json.D.Results[0];
    expect(contact).toMatchObject({
      DisplayName: 'Élise van Houten',
      GivenName: 'Élise',
      FamilyName: 'van Houten',
      PrimaryEmail: 'elise@example.org',
      Tags: [],
      VowEnabled: true,
    });
    const portal = await call('GET', `${uri}/portal`);
    expect(sparkResultsSchema(portalAccountSchema).parse(portal.json).D.Results[0]).toMatchObject({
      Enabled: true,
      LastLogin: null,
      ResourceUri: `${uri}/portal`,
    });
  });

  it('refuses a second contact with the same e-mail (409/1055), in any case', async () => {
    const body = { D: { GivenName: 'Dup', FamilyName: 'One', PrimaryEmail: 'dup@example.org' } };
    expect((await call('POST', '/v1/contacts', { body })).status).toBe(201);
    const again = { D: { ...body.D, PrimaryEmail: 'DUP@example.org' } };
    expectFailure(await call('POST', '/v1/contacts', { body: again }), 409, 1055);
    expect((await call('POST', '/v1/contacts', { body, token: 'demo-private-2' })).status).toBe(
      201,
    );
  });

  it('validates the body: 1050 for missing names, 1053 for a bad e-mail', async () => {
    expectFailure(
      await call('POST', '/v1/contacts', { body: { D: { GivenName: 'Only' } } }),
      400,
      1050,
    );
    expectFailure(
      await call('POST', '/v1/contacts', {
        body: { D: { GivenName: 'A', FamilyName: 'B', PrimaryEmail: 'nope' } },
      }),
      400,
      1053,
    );
  });
});

describe('POST /v1/contacts with Spark’s documented Contacts array', () => {
  const countAll = async () =>
    (await call('GET', `/v1/contacts${q({ _pagination: 'count' })}`)).json.D.Pagination.TotalRows;

  it('creates every contact in order, one ResourceUri each, with enabled portals (201)', async () => {
    const response = await call('POST', '/v1/contacts', {
      body: {
        D: {
          Contacts: [
            { DisplayName: 'Batch Four', PrimaryEmail: 'batch4@example.org' },
            { GivenName: 'Batch', FamilyName: 'Five' },
            { GivenName: 'Bå', FamilyName: 'Six', DisplayName: 'Six, Bå' },
          ],
          Notify: false,
        },
      },
    });
    expect(response.status).toBe(201);
    const uris: string[] = response.json.D.Results.map(
      (r: { ResourceUri: string }) => r.ResourceUri,
    );
    expect(uris).toHaveLength(3);
    const contacts = await Promise.all(
      uris.map(async (uri) => (await call('GET', uri)).json.D.Results[0]),
    );
    expect(contacts).toMatchObject([
      {
        DisplayName: 'Batch Four',
        GivenName: null,
        FamilyName: null,
        PrimaryEmail: 'batch4@example.org',
        VowEnabled: true,
      },
      {
        DisplayName: 'Batch Five',
        GivenName: 'Batch',
        FamilyName: 'Five',
        PrimaryEmail: null,
        VowEnabled: true,
      },
      { DisplayName: 'Six, Bå', GivenName: 'Bå', FamilyName: 'Six', VowEnabled: true },
    ]);
    const notify = await call('POST', '/v1/contacts', {
      body: { D: { Contacts: [{ DisplayName: 'Batch Seven' }], Notify: true } },
    });
    expect(notify.status).toBe(201);
    expect(notify.json.D.Results).toHaveLength(1);
  });

  it('names the attribute of a bad contact, and creates none of them', async () => {
    const before = await countAll();
    const bad = await call('POST', '/v1/contacts', {
      body: {
        D: {
          Contacts: [
            { DisplayName: 'Fine One' },
            { DisplayName: 'Fine Two' },
            { DisplayName: 'Bad Three', PrimaryEmail: 'not-an-email' },
          ],
        },
      },
    });
    expectFailure(bad, 400, 1053);
    expect(bad.json.D.Errors).toEqual([
      expect.objectContaining({ Type: 'InvalidAttribute', Attribute: 'Contacts[2].PrimaryEmail' }),
    ]);
    const missing = await call('POST', '/v1/contacts', {
      body: { D: { Contacts: [{ DisplayName: 'Fine' }, { GivenName: 'No family' }] } },
    });
    expectFailure(missing, 400, 1050);
    expect(missing.json.D.Message).toContain('Contacts[1].FamilyName');
    expect(await countAll()).toBe(before);
  });

  it('takes 1 to 25 contacts', async () => {
    const before = await countAll();
    expectFailure(await call('POST', '/v1/contacts', { body: { D: { Contacts: [] } } }), 400, 1053);
    const many = Array.from({ length: 26 }, (_, i) => ({ DisplayName: `Many ${i}` }));
    expectFailure(
      await call('POST', '/v1/contacts', { body: { D: { Contacts: many } } }),
      400,
      1053,
    );
    expectFailure(
      await call('POST', '/v1/contacts', { body: { D: { Contacts: { DisplayName: 'x' } } } }),
      400,
      1053,
    );
    expect(await countAll()).toBe(before);
    const full = await call('POST', '/v1/contacts', {
      body: { D: { Contacts: many.slice(0, 25) } },
    });
    expect(full.status).toBe(201);
    expect(full.json.D.Results).toHaveLength(25);
    expect(await countAll()).toBe(before + 25);
  });

  it('refuses e-mails repeated in the batch or already kept (409/1055), creating none', async () => {
    expect(
      (
        await call('POST', '/v1/contacts', {
          body: { D: { Contacts: [{ DisplayName: 'Kept', PrimaryEmail: 'kept@example.org' }] } },
        })
      ).status,
    ).toBe(201);
    const before = await countAll();
    const twice = await call('POST', '/v1/contacts', {
      body: {
        D: {
          Contacts: [
            { DisplayName: 'A', PrimaryEmail: 'same@example.org' },
            { DisplayName: 'B', PrimaryEmail: 'other@example.org' },
            { DisplayName: 'C', PrimaryEmail: 'SAME@example.org' },
          ],
        },
      },
    });
    expectFailure(twice, 409, 1055);
    expect(twice.json.D.Errors).toEqual([
      expect.objectContaining({ Attribute: 'Contacts[2].PrimaryEmail' }),
    ]);
    const existing = await call('POST', '/v1/contacts', {
      body: {
        D: {
          Contacts: [
            { DisplayName: 'D', PrimaryEmail: 'fresh@example.org' },
            { DisplayName: 'E', PrimaryEmail: 'Kept@Example.org' },
          ],
        },
      },
    });
    expectFailure(existing, 409, 1055);
    expect(existing.json.D.Errors).toEqual([
      expect.objectContaining({ Attribute: 'Contacts[1].PrimaryEmail' }),
    ]);
    expect(await countAll()).toBe(before);
  });
});

describe('/v1/contacts/<Id>/portal', () => {
  it('creates a portal account for a contact without one, then 409/1110', async () => {
    let target: Contact | undefined;
    for (const contact of await all({ _filter: 'VowEnabled Eq false' })) {
      const portal = await call('GET', `/v1/contacts/${contact.Id}/portal`);
      if (portal.status === 404) {
        expectFailure(portal, 404, 404);
        target = contact;
        break;
      }
    }
    if (!target) throw new Error('demo data has a contact without a portal account');
    expectFailure(
      await call('PUT', `/v1/contacts/${target.Id}/portal`, { body: { D: { Enabled: true } } }),
      404,
      404,
    );
    const created = await call('POST', `/v1/contacts/${target.Id}/portal`);
    expect(created.status).toBe(201);
    expect((await call('GET', `/v1/contacts/${target.Id}`)).json.D.Results[0].VowEnabled).toBe(
      true,
    );
    expectFailure(await call('POST', `/v1/contacts/${target.Id}/portal`), 409, 1110);
  });

  it('enables and disables a portal account with PUT', async () => {
    const contact = (await all({ _filter: 'VowEnabled Eq true' }))[3] as Contact;
    const path = `/v1/contacts/${contact.Id}/portal`;
    expect((await call('PUT', path, { body: { D: { Enabled: false } } })).json).toEqual({
      D: { Success: true },
    });
    expect((await call('GET', path)).json.D.Results[0].Enabled).toBe(false);
    expect((await call('GET', `/v1/contacts/${contact.Id}`)).json.D.Results[0].VowEnabled).toBe(
      false,
    );
    await call('PUT', path, { body: { D: { Enabled: true } } });
    expect((await call('GET', path)).json.D.Results[0].Enabled).toBe(true);
    expectFailure(await call('PUT', path, { body: { D: { Enabled: 'yes' } } }), 400, 1053);
    expectFailure(await call('PUT', path, { body: { D: {} } }), 400, 1050);
  });

  it('takes Spark’s documented Settings body, with booleans or "true"/"false"', async () => {
    const contact = (await all({ _filter: 'VowEnabled Eq true' }))[4] as Contact;
    const path = `/v1/contacts/${contact.Id}/portal`;
    const portal = async () => (await call('GET', path)).json.D.Results[0];
    for (const [sent, enabled] of [
      ['false', false],
      [true, true],
      [false, false],
      ['true', true],
    ] as const) {
      const written = await call('PUT', path, { body: { D: { Settings: { Enabled: sent } } } });
      expect(written.json).toEqual({ D: { Success: true } });
      expect(await portal()).toMatchObject({
        Enabled: enabled,
        Settings: { Enabled: enabled ? 'true' : 'false' },
      });
    }
    const before = await portal();
    expectFailure(
      await call('PUT', path, { body: { D: { Settings: { Enabled: 'yes' } } } }),
      400,
      1053,
    );
    expectFailure(await call('PUT', path, { body: { D: { Settings: {} } } }), 400, 1050);
    expect(await portal()).toEqual(before);
  });

  it('creates a portal account disabled when the Settings body says so', async () => {
    let target: Contact | undefined;
    for (const contact of await all({ _filter: 'VowEnabled Eq false' })) {
      if ((await call('GET', `/v1/contacts/${contact.Id}/portal`)).status === 404) target = contact;
    }
    if (!target) throw new Error('demo data has a contact without a portal account');
    const path = `/v1/contacts/${target.Id}/portal`;
    const answer = await call('POST', path, { body: { D: { Settings: { Enabled: 'false' } } } });
    expect(answer.status).toBe(201);
    expect((await call('GET', path)).json.D.Results[0]).toMatchObject({
      Enabled: false,
      Settings: { Enabled: 'false' },
    });
  });

  it('answers LastActive to the hour, after the last sign-in, and none without one', async () => {
    const accounts = [];
    for (const contact of (await all({ _filter: 'VowEnabled Eq true' })).slice(0, 40)) {
      const portal = await call('GET', `/v1/contacts/${contact.Id}/portal`);
      accounts.push(sparkResultsSchema(portalAccountSchema).parse(portal.json).D.Results[0]);
    }
    const signedIn = accounts.filter((a) => a?.LastLogin);
    expect(signedIn.length).toBeGreaterThan(20);
    expect(accounts.length - signedIn.length).toBeGreaterThan(0);
    for (const account of accounts) {
      if (!account?.LastLogin) {
        expect(account?.LastActive).toBeNull();
        continue;
      }
      expect(account.LastActive).toMatch(/T\d{2}:00:00Z$/);
      const after = Date.parse(account.LastActive ?? '') - Date.parse(account.LastLogin);
      expect(after).toBeGreaterThan(-3_600_000);
      expect(after).toBeLessThanOrEqual(2 * 86_400_000);
      expect(Date.parse(account.LastActive ?? '')).toBeLessThanOrEqual(Date.now());
    }
  });

  it('answers 404 for another agent’s contact', async () => {
    const contact = (await all())[0] as Contact;
    expectFailure(
      await call('GET', `/v1/contacts/${contact.Id}/portal`, { token: 'demo-private-2' }),
      404,
      404,
    );
    expectFailure(
      await call('POST', `/v1/contacts/${contact.Id}/portal`, { token: 'demo-private-2' }),
      404,
      404,
    );
  });
});
