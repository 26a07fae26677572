import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { openDatabase } from './store/db.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { expectFailure, sparkClient, type SparkCall } from '../testing/spark-call.js';

const GROUP = DEMO_ACCOUNTS.vow.portalAccountId;
const CONTACT = DEMO_ACCOUNTS.vow.contactId;

const URIS: [string, string[]][] = [
  ['/v1/my/account', ['GET']],
  ['/v1/portal/groups', ['GET']],
  ['/v1/portal/groups/current', ['GET', 'PUT', 'DELETE']],
  [`/v1/portal/groups/${GROUP}`, ['GET', 'POST', 'PUT', 'DELETE']],
  [`/v1/portal/groups/${GROUP}/users/${CONTACT}`, ['DELETE']],
  ['/v1/contacts', ['GET', 'POST']],
  [`/v1/contacts/${CONTACT}`, ['GET']],
  [`/v1/contacts/${CONTACT}/portal`, ['GET', 'POST', 'PUT']],
];

describe('Spark conventions', () => {
  let server: TestServer;
  let call: SparkCall;
  beforeAll(async () => {
    server = await startTestServer();
    call = sparkClient(server);
  });
  afterAll(() => server.dispose());

  it('refuses a request without X-SparkApi-User-Agent (1016), before looking at the token', async () => {
    expectFailure(await call('GET', '/v1/portal/groups', { userAgent: null }), 400, 1016);
    expectFailure(await call('GET', '/v1/my/account', { userAgent: null, token: null }), 400, 1016);
  });

  it('refuses a missing, unknown or revoked token (401/1000)', async () => {
    expectFailure(await call('GET', '/v1/portal/groups', { token: null }), 401, 1000);
    expectFailure(await call('GET', '/v1/portal/groups', { token: 'no-such-token' }), 401, 1000);
    server.db
      .prepare(
        'INSERT INTO access_tokens (token_hash, account_id, revoked) VALUES (token_hash(?), ?, 1)',
      )
      .run('revoked-token', DEMO_ACCOUNTS.avery.id);
    expectFailure(await call('GET', '/v1/portal/groups', { token: 'revoked-token' }), 401, 1000);
  });

  it('refuses a token as soon as it is revoked or its portal turned off, by this process or another', async () => {
    const insert = 'INSERT INTO access_tokens (token_hash, account_id) VALUES (token_hash(?), ?)';
    server.db.prepare(insert).run('soon-revoked', DEMO_ACCOUNTS.avery.id);
    expect((await call('GET', '/v1/portal/groups', { token: 'soon-revoked' })).status).toBe(200);
    server.db
      .prepare('UPDATE access_tokens SET revoked = 1 WHERE token_hash = token_hash(?)')
      .run('soon-revoked');
    expectFailure(await call('GET', '/v1/portal/groups', { token: 'soon-revoked' }), 401, 1000);

    // Another process sharing the SQLite file (another instance behind the same balancer).
    const other = openDatabase(join(server.dir, 'spark.db'));
    try {
      other.prepare(insert).run('revoked-elsewhere', DEMO_ACCOUNTS.avery.id);
      expect((await call('GET', '/v1/my/account', { token: 'revoked-elsewhere' })).status).toBe(
        200,
      );
      other
        .prepare('UPDATE access_tokens SET revoked = 1 WHERE token_hash = token_hash(?)')
        .run('revoked-elsewhere');
      expectFailure(await call('GET', '/v1/my/account', { token: 'revoked-elsewhere' }), 401, 1000);
    } finally {
      other.close();
    }
  });

  it('refuses an expired token with 401/1020', async () => {
    server.db
      .prepare(
        'INSERT INTO access_tokens (token_hash, account_id, expires_at) VALUES (token_hash(?), ?, ?)',
      )
      .run('expired-token', DEMO_ACCOUNTS.avery.id, Date.now() - 1000);
    expectFailure(await call('GET', '/v1/portal/groups', { token: 'expired-token' }), 401, 1020);
  });

  it('accepts Bearer as well as OAuth', async () => {
    const response = await fetch(`${server.url}/spark/v1/my/account`, {
      headers: { 'X-SparkApi-User-Agent': 'x', Authorization: 'Bearer demo-private' },
    });
    expect(response.status).toBe(200);
  });

  it.each(Object.values(DEMO_ACCOUNTS))('/v1/my/account answers $name ($role)', async (a) => {
    const response = await call('GET', '/v1/my/account', { token: a.token });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      D: {
        Success: true,
        Results: [
          {
            Id: a.id,
            ResourceUri: `/v1/accounts/${a.id}`,
            Name: a.name,
            UserType: a.userType,
            Role: a.role,
          },
        ],
      },
    });
  });

  it.each(URIS)('%s answers 405 with Allow for methods it does not take', async (uri, allowed) => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      if (allowed.includes(method)) continue;
      const response = await call(method, uri, method === 'GET' ? {} : { body: { D: {} } });
      expectFailure(response, 405, 405);
      expect(response.headers.get('allow')).toBe(allowed.join(', '));
    }
  });

  it('answers unknown URIs with a 404 envelope', async () => {
    expectFailure(await call('GET', '/v1/no/such/thing'), 404, 404);
    expectFailure(await call('GET', '/v1/portal/groups/123/users'), 404, 404);
  });

  it('answers an Id that is not 26 digits as not found', async () => {
    expectFailure(await call('GET', '/v1/portal/groups/abc'), 404, 404);
    expectFailure(await call('GET', '/v1/contacts/2024'), 404, 404);
  });

  it('refuses a body that is not JSON or not sent as JSON (1035)', async () => {
    const path = `/v1/portal/groups/${GROUP}`;
    expectFailure(await call('PUT', path, { rawBody: '{"D":' }), 400, 1035);
    expectFailure(
      await call('PUT', path, { rawBody: '{"D":{"Tags":[]}}', contentType: 'text/plain' }),
      400,
      1035,
    );
    expectFailure(await call('PUT', path, { rawBody: '[1,2]' }), 400, 1035);
    expectFailure(await call('PUT', path), 400, 1035);
    expectFailure(
      await call('PUT', path, {
        rawBody: '{"D":{"Tags":[]}}',
        contentType: 'application/json; charset=utf-16',
      }),
      400,
      1035,
    );
  });

  it('takes JSON declared as UTF-8, in any spelling', async () => {
    const path = `/v1/portal/groups/${GROUP}`;
    for (const contentType of [
      'application/json; charset=utf-8',
      'application/json;charset="UTF-8"',
    ]) {
      const response = await call('PUT', path, { rawBody: '{"D":{"Tags":[]}}', contentType });
      expect(response.status).toBe(200);
    }
  });

  it('refuses a body over 64 KiB with 413/1053', async () => {
    const users = Array.from({ length: 3000 }, () => ({ Id: '20240201000000000000000001' }));
    const response = await call('POST', `/v1/portal/groups/${GROUP}`, {
      body: { D: { Users: users } },
    });
    expectFailure(response, 413, 1053);
  });
});

describe('rate limit', () => {
  it('answers 429/1550 with Retry-After past the limit, per token, IDX with its own limit', async () => {
    const server = await startTestServer({ SPARK_RATE_LIMIT: '3', SPARK_RATE_LIMIT_IDX: '2' });
    try {
      const call = sparkClient(server);
      for (let i = 0; i < 3; i++) expect((await call('GET', '/v1/my/account')).status).toBe(200);
      const refused = await call('GET', '/v1/my/account');
      expectFailure(refused, 429, 1550);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);
      expect((await call('GET', '/v1/my/account', { token: 'demo-private-2' })).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        expect((await call('GET', '/v1/my/account', { token: 'demo-idx' })).status).toBe(200);
      }
      expectFailure(await call('GET', '/v1/my/account', { token: 'demo-idx' }), 429, 1550);
    } finally {
      await server.dispose();
    }
  });
});

describe('persistence', () => {
  it('keeps written data across a restart on the same database', async () => {
    const first = await startTestServer();
    const call = sparkClient(first);
    const created = await call('POST', '/v1/contacts', {
      body: { D: { GivenName: 'Restart', FamilyName: 'Survivor' } },
    });
    expect(created.status).toBe(201);
    const uri: string = created.json.D.Results[0].ResourceUri;
    await first.stop();
    const second = await startTestServer({}, first.dir);
    try {
      const again = await sparkClient(second)('GET', uri);
      expect(again.status).toBe(200);
      expect(again.json.D.Results[0].DisplayName).toBe('Restart Survivor');
      const groups = await sparkClient(second)('GET', '/v1/portal/groups?_pagination=count');
      expect(groups.json.D.Pagination.TotalRows).toBe(40);
    } finally {
      await second.dispose();
    }
  });
});
