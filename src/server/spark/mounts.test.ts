import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID } from '../config.js';
import { startTestEmulator, startTestServer, type TestEmulator } from '../testing/test-server.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const APP_PAGE = '<!doctype html><title>Portal Groups Admin (test build)</title>';
const NOT_FOUND = { D: { Success: false, Code: 404, Message: expect.any(String) } };
const GROUP = DEMO_ACCOUNTS.vow.portalAccountId;

interface Mount {
  name: string;
  /** Where the emulator's /v1 and /oauth2 are. */
  base: string;
  start(): Promise<TestEmulator>;
}

const APP_MOUNT: Mount = {
  name: 'npm start (emulator at /spark, built app served beside it)',
  base: '/spark',
  start() {
    const dir = mkdtempSync(join(tmpdir(), 'pga-test-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'index.html'), APP_PAGE);
    return startTestServer({}, dir, { staticRoot: join(dir, 'app') });
  },
};
const MOUNTS: Mount[] = [
  APP_MOUNT,
  { name: 'npm run emulator (at the root)', base: '', start: () => startTestEmulator() },
];

const headers = (token: string | null = 'demo-private') => ({
  'X-SparkApi-User-Agent': 'MountTest/1.0',
  ...(token ? { Authorization: `OAuth ${token}` } : {}),
});

describe.each(MOUNTS)('$name', ({ base, start }) => {
  let server: TestEmulator;
  const at = (path: string) => `${server.url}${base}${path}`;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.dispose());

  async function json(response: Response) {
    return { status: response.status, body: (await response.json()) as unknown };
  }

  describe('X-Request-Id', () => {
    const requests: [string, string, RequestInit][] = [
      ['a read', '/v1/portal/groups?_limit=1', { headers: headers() }],
      ['an unknown path', '/v1/no-such-thing', { headers: headers() }],
      ['no token', '/v1/portal/groups', { headers: headers(null) }],
      ['no user agent', '/v1/portal/groups', {}],
      [
        'a method the URI does not take',
        '/v1/portal/groups',
        { method: 'PUT', headers: headers() },
      ],
      [
        'a body that is not JSON',
        '/v1/contacts',
        {
          method: 'POST',
          headers: { ...headers(), 'Content-Type': 'application/json' },
          body: '{',
        },
      ],
      [
        'a body over the limit',
        '/v1/contacts',
        {
          method: 'POST',
          headers: { ...headers(), 'Content-Type': 'application/json' },
          body: JSON.stringify({ D: { GivenName: 'x'.repeat(70_000) } }),
        },
      ],
      ['a path that cannot be decoded', '/v1/%zz', { headers: headers() }],
      ['the authorize page, refused', '/oauth2', {}],
      ['the token endpoint, refused', '/v1/oauth2/grant', { method: 'POST' }],
    ];

    it('is on every answer, success or error, and unique', async () => {
      const ids: string[] = [];
      for (const [what, path, init] of requests) {
        const response = await fetch(at(path), init);
        await response.arrayBuffer();
        const id = response.headers.get('x-request-id');
        expect(id, `${what} (${response.status})`).toMatch(UUID);
        ids.push(id ?? '');
      }
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('is the server’s own, whatever the client sends', async () => {
      const init = { headers: { ...headers(), 'X-Request-Id': 'chosen-by-client' } };
      const first = await fetch(at('/v1/my/account'), init);
      const second = await fetch(at('/v1/my/account'), init);
      expect(first.headers.get('x-request-id')).toMatch(UUID);
      expect(second.headers.get('x-request-id')).toMatch(UUID);
      expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    });
  });

  describe('unknown paths under /v1', () => {
    const paths = [
      '/v1/no-such-thing',
      '/v1/portal/no-such-thing',
      `/v1/portal/groups/${GROUP}/users/${GROUP}/more`,
      '/v1/contacts/a/b/c.json',
    ];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

    it.each(paths)('%s answers 404/404 in the D envelope to every method', async (path) => {
      for (const method of methods) {
        const response = await fetch(at(path), {
          method,
          headers: { ...headers(), Accept: 'text/html,application/json' },
        });
        expect({ method, ...(await json(response)) }).toEqual({
          method,
          status: 404,
          body: NOT_FOUND,
        });
      }
      const head = await fetch(at(path), { method: 'HEAD', headers: headers() });
      expect(head.status).toBe(404);
    });
  });

  describe('X-HTTP-Method-Override', () => {
    const override = (path: string, form: Record<string, string> | null, extra = {}) =>
      fetch(at(path), {
        method: 'POST',
        headers: {
          ...headers(),
          'X-HTTP-Method-Override': 'GET',
          ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          ...extra,
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });

    it('a POST with a form body is the GET with those parameters (a long _filter)', async () => {
      const all = (await (
        await fetch(at('/v1/portal/groups?_limit=25&_select=ContactId'), { headers: headers() })
      ).json()) as { D: { Results: { ContactId: string }[] } };
      const contactIds = all.D.Results.slice(0, 20).map((g) => g.ContactId);
      const filter = contactIds.map((id) => `ContactId Eq '${id}'`).join(' Or ');
      expect(filter.length).toBeGreaterThan(700);
      const params = { _filter: filter, _limit: '25', _orderby: 'Name', _pagination: '1' };

      const viaGet = await fetch(at(`/v1/portal/groups?${new URLSearchParams(params)}`), {
        headers: headers(),
      });
      const viaPost = await override('/v1/portal/groups', params);
      const expected = await json(viaGet);
      expect(expected.body).toMatchObject({ D: { Pagination: { TotalRows: 20 } } });
      expect(await json(viaPost)).toEqual(expected);
    });

    it('the form’s parameters replace those of the same name in the query string', async () => {
      const response = await override('/v1/portal/groups?_limit=1&_select=Id', { _limit: '3' });
      const { body } = (await json(response)) as { body: { D: { Results: object[] } } };
      expect(body.D.Results).toHaveLength(3);
      expect(Object.keys(body.D.Results[0] ?? {}).sort()).toEqual(['Id', 'ResourceUri']);
    });

    it('with no body it is the GET of the URL, and is authenticated like one', async () => {
      expect((await override('/v1/my/account', null)).status).toBe(200);
      const anonymous = await override('/v1/my/account', null, { Authorization: '' });
      expect(await json(anonymous)).toMatchObject({ status: 401, body: { D: { Code: 1000 } } });
    });

    it('a GET override with a JSON body is refused (1035) and creates nothing', async () => {
      const count = async () => {
        const response = await fetch(at('/v1/contacts?_pagination=count'), { headers: headers() });
        return ((await response.json()) as { D: { Pagination: { TotalRows: number } } }).D
          .Pagination.TotalRows;
      };
      const before = await count();
      const response = await fetch(at('/v1/contacts'), {
        method: 'POST',
        headers: {
          ...headers(),
          'X-HTTP-Method-Override': 'GET',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ D: { GivenName: 'Over', FamilyName: 'Ride' } }),
      });
      expect(await json(response)).toMatchObject({ status: 400, body: { D: { Code: 1035 } } });
      expect(await count()).toBe(before);
    });

    it('any other override is refused (400/1053) and changes nothing', async () => {
      const response = await fetch(at(`/v1/portal/groups/${GROUP}`), {
        method: 'POST',
        headers: { ...headers(), 'X-HTTP-Method-Override': 'DELETE' },
      });
      expect(await json(response)).toMatchObject({ status: 400, body: { D: { Code: 1053 } } });
      const still = await fetch(at(`/v1/portal/groups/${GROUP}`), { headers: headers() });
      expect(still.status).toBe(200);
    });

    it('on a request that is not a POST the header is ignored', async () => {
      const response = await fetch(at('/v1/my/account'), {
        headers: { ...headers(), 'X-HTTP-Method-Override': 'DELETE' },
      });
      expect(response.status).toBe(200);
    });

    it('a form over 64 KiB is refused with 413', async () => {
      const response = await override('/v1/portal/groups', { _filter: 'x'.repeat(70_000) });
      expect(await json(response)).toMatchObject({ status: 413, body: { D: { Code: 1053 } } });
    });

    it('does not touch the sign-in form, which is a real POST', async () => {
      const response = await fetch(at('/oauth2'), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-HTTP-Method-Override': 'GET',
        },
        body: new URLSearchParams({ response_type: 'code', client_id: DEMO_CLIENT_ID }).toString(),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('The sign-in form is incomplete.');
    });
  });
});

describe('npm start with the built app served', () => {
  let server: TestEmulator;
  beforeAll(async () => {
    server = await APP_MOUNT.start();
  });
  afterAll(() => server.dispose());

  it('still serves the app for client routes, and its own errors outside /spark', async () => {
    const page = await fetch(`${server.url}/groups/123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-request-id')).toMatch(UUID);
    expect(await page.text()).toBe(APP_PAGE);
    const missing = await fetch(`${server.url}/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toMatch(UUID);
    const bad = await fetch(`${server.url}/%zz`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-request-id')).toMatch(UUID);
  });
});
