import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT } from '../config.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { sessionIdOf, signIn } from '../testing/sign-in.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';

const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };

interface Envelope {
  D: {
    Success: boolean;
    Code?: number;
    Message?: string;
    Results?: Record<string, unknown>[];
    Pagination?: unknown;
  };
}

function api(server: TestServer, cookie: string, path: string, init: RequestInit = {}) {
  return fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { Cookie: cookie, ...(init.headers as Record<string, string>) },
  });
}

async function json(response: Response): Promise<Envelope> {
  return (await response.json()) as Envelope;
}

async function sessionTokens(server: TestServer, cookie: string) {
  const session = await server.sessions.get(sessionIdOf(cookie));
  return {
    access_token: session?.tokens.accessToken ?? null,
    refresh_token: session?.tokens.refreshToken ?? null,
  };
}

async function emulatorCode(server: TestServer, token: string): Promise<number | undefined> {
  const response = await fetch(`${server.url}/spark/v1/my/account`, {
    headers: { Authorization: `OAuth ${token}`, 'X-SparkApi-User-Agent': APP_USER_AGENT },
  });
  return response.ok ? undefined : (await json(response)).D.Code;
}

/** Polls the emulator until it calls the token expired (401/1020). */
async function waitUntilExpired(server: TestServer, token: string) {
  await expect
    .poll(() => emulatorCode(server, token), { timeout: 10_000, interval: 100 })
    .toBe(1020);
}

/** The app's own same-origin write of a group's Tags, through `/api`. */
function putTags(server: TestServer, cookie: string, groupId: string, tags: string[]) {
  return api(server, cookie, `/portal/groups/${groupId}`, {
    method: 'PUT',
    headers: {
      ...APP_HEADERS,
      Origin: server.config.publicUrl,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ D: { Tags: tags } }),
  });
}

describe('the /api proxy', () => {
  let server: TestServer;
  let avery: string;
  beforeAll(async () => {
    server = await startTestServer();
    avery = await signIn(server, 'Avery Stone');
  });
  afterAll(() => server?.dispose());

  async function firstGroup() {
    const list = await json(await api(server, avery, '/portal/groups?_limit=1'));
    return list.D.Results?.[0] as { Id: string; Tags: string[] };
  }

  it('refuses a request without a session with a Spark envelope', async () => {
    const response = await fetch(`${server.url}/api/v1/portal/groups`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      D: { Success: false, Code: 1000, Message: 'Not signed in' },
    });
  });

  it('forwards the path and query string and relays the answer', async () => {
    const response = await api(server, avery, '/portal/groups?_limit=2&_pagination=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = await json(response);
    expect(body.D.Results).toHaveLength(2);
    expect(body.D.Pagination).toMatchObject({ PageSize: 2, CurrentPage: 1 });
  });

  it("acts as the session's user, ignoring the browser's own Authorization header", async () => {
    const response = await api(server, avery, '/my/account', {
      headers: { Authorization: 'OAuth demo-private-2' },
    });
    expect((await json(response)).D.Results?.[0]).toMatchObject({ Name: 'Avery Stone' });
  });

  it('relays Spark errors with their status, Code and Allow header', async () => {
    const response = await api(server, avery, '/portal/groups', {
      method: 'POST',
      headers: { ...APP_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ D: {} }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBeTruthy();
    expect((await json(response)).D).toMatchObject({ Success: false, Code: 405 });
  });

  it('forwards a same-origin write from the app', async () => {
    const group = await firstGroup();
    const tags = group.Tags.includes('Favorites') ? [] : ['Favorites'];
    const response = await putTags(server, avery, group.Id, tags);
    expect(response.status).toBe(200);
    const after = await json(await api(server, avery, `/portal/groups/${group.Id}`));
    expect(after.D.Results?.[0]?.Tags).toEqual(tags);
  });

  it.each([
    ['without the app header', {}],
    ['from another origin', { ...APP_HEADERS, Origin: 'https://evil.example' }],
    ['from a null origin', { ...APP_HEADERS, Origin: 'null' }],
  ])('refuses a write %s and changes nothing', async (_label, headers) => {
    const group = await firstGroup();
    for (const init of [
      {
        method: 'PUT',
        body: JSON.stringify({ D: { Tags: group.Tags.length ? [] : ['Favorites'] } }),
      },
      { method: 'DELETE' },
    ]) {
      const response = await api(server, avery, `/portal/groups/${group.Id}`, {
        ...init,
        headers: { 'Content-Type': 'application/json', ...headers },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        D: { Success: false, Code: 1500, Message: 'Cross-origin request refused' },
      });
    }
    const after = await api(server, avery, `/portal/groups/${group.Id}`);
    expect(after.status).toBe(200);
    expect((await json(after)).D.Results?.[0]?.Tags).toEqual(group.Tags);
  });

  it('refuses a body over 64 KiB with an envelope', async () => {
    const group = await firstGroup();
    const response = await api(server, avery, `/portal/groups/${group.Id}`, {
      method: 'PUT',
      headers: { ...APP_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ D: { Tags: ['x'.repeat(70 * 1024)] } }),
    });
    expect(response.status).toBe(413);
    expect((await json(response)).D).toMatchObject({ Success: false, Code: 1053 });
  });

  it('never lets a path escape the Spark API', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/api/v1/../../auth/session`,
        { headers: { Cookie: avery }, path: '/api/v1/../../auth/session' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });

  it("gives a consumer the circle's member names without anyone's sign-ins or portal state", async () => {
    const sofia = await signIn(server, DEMO_ACCOUNTS.vow.name);
    const byName = (body: Envelope) =>
      (body.D.Results ?? []).flatMap((group) => group.Users as Record<string, unknown>[]);
    for (const path of ['/portal/groups', '/portal/groups/current']) {
      const users = byName(await json(await api(server, sofia, path)));
      expect(users.length, path).toBeGreaterThan(1);
      for (const user of users) {
        expect(user).toHaveProperty('Name');
        expect(user).not.toHaveProperty('LastLogin');
        expect(user).not.toHaveProperty('Active');
        expect(user).not.toHaveProperty('Enabled');
      }
    }
    // The agent still reads them, for the same circles.
    const [group] = (await json(await api(server, sofia, '/portal/groups'))).D.Results ?? [];
    const asAgent = byName(await json(await api(server, avery, `/portal/groups/${group?.Id}`)));
    expect(asAgent.length).toBeGreaterThan(1);
    for (const user of asAgent) expect(user).toHaveProperty('LastLogin');
  });
});

describe('revalidated reads through the proxy (ETag)', () => {
  let server: TestServer;
  let avery: string;
  beforeAll(async () => {
    server = await startTestServer();
    avery = await signIn(server, 'Avery Stone');
  });
  afterAll(() => server?.dispose());

  const LIST = '/portal/groups?_limit=3';
  const read = (cookie: string, etag?: string) =>
    api(server, cookie, LIST, { headers: etag ? { 'If-None-Match': etag } : {} });

  it('answers a refetch with nothing changed 304 without a body, and lets no browser store a read', async () => {
    const first = await read(avery);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('vary')).toMatch(/\bCookie\b/i);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    await first.arrayBuffer();

    const again = await read(avery, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await read(avery, `W/"other", ${etag}`)).status).toBe(304);
    expect((await read(avery, 'W/"other"')).status).toBe(200);
  });

  it('answers 200 with the new data after a write', async () => {
    const first = await read(avery);
    const etag = first.headers.get('etag') ?? '';
    const group = (await json(first)).D.Results?.[0] as { Id: string; Tags: string[] };
    const tags = group.Tags.includes('Favorites') ? [] : ['Favorites'];
    const write = await putTags(server, avery, group.Id, tags);
    expect(write.status).toBe(200);
    expect(write.headers.get('cache-control')).toBe('no-store');
    expect(write.headers.get('etag')).toBeNull();

    const after = await read(avery, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await json(after)).D.Results?.[0]).toMatchObject({ Id: group.Id, Tags: tags });
  });

  it("never confirms another session's copy, even of the same bytes", async () => {
    const other = await signIn(server, 'Avery Stone');
    const mine = await read(avery);
    const theirs = await read(other, mine.headers.get('etag') ?? '');
    expect(theirs.status).toBe(200);
    expect(await theirs.text()).toBe(await mine.text());
  });

  it('leaves errors unstored and without a tag', async () => {
    const missing = await api(server, avery, '/portal/groups/20000101000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('etag')).toBeNull();
  });
});

describe('token refresh through the proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SPARK_TOKEN_LIFETIME: '2' });
  });
  afterAll(() => server?.dispose());

  it('refreshes an expired token transparently and retires the old one', async () => {
    const cookie = await signIn(server, 'Avery Stone');
    const before = await sessionTokens(server, cookie);
    await waitUntilExpired(server, before.access_token ?? '');

    const response = await api(server, cookie, '/my/account');
    expect(response.status).toBe(200);
    expect((await json(response)).D.Results?.[0]).toMatchObject({ Name: 'Avery Stone' });

    const after = await sessionTokens(server, cookie);
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(await emulatorCode(server, before.access_token ?? '')).toBe(1000);
  });

  it('refreshes once for concurrent requests of one session', async () => {
    const cookie = await signIn(server, 'Jordan Lee');
    await waitUntilExpired(server, (await sessionTokens(server, cookie)).access_token ?? '');
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => api(server, cookie, '/my/account')),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(
      (await fetch(`${server.url}/auth/session`, { headers: { Cookie: cookie } })).status,
    ).toBe(200);
  });

  it('ends the session when the refresh is refused', async () => {
    const cookie = await signIn(server, 'Avery Stone');
    const tokens = await sessionTokens(server, cookie);
    await waitUntilExpired(server, tokens.access_token ?? '');
    // Spark no longer honours the refresh token (e.g. the user removed the app).
    server.db
      .prepare(
        `UPDATE access_tokens SET refresh_token_hash = 'withdrawn-' || token_hash WHERE token_hash = token_hash(?)`,
      )
      .run(tokens.access_token);

    const response = await api(server, cookie, '/portal/groups');
    expect(response.status).toBe(401);
    expect((await json(response)).D).toMatchObject({ Success: false, Code: 1020 });
    expect(
      (await fetch(`${server.url}/auth/session`, { headers: { Cookie: cookie } })).status,
    ).toBe(401);
    expect(await sessionTokens(server, cookie)).toEqual({
      access_token: null,
      refresh_token: null,
    });
  });
});
