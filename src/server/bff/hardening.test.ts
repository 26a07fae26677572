import fc from 'fast-check';
import { readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT, DEMO_CLIENT_ID } from '../config.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { chooseAccount, cookieSetBy, sessionIdOf, signIn } from '../testing/sign-in.js';
import { tokenHash } from '../spark/store/token-hash.js';
import { safeReturnTo } from './return-to.js';
import { Sealer } from './store/sealing.js';
import { SIGN_IN_WINDOW_MS } from './store/session-store.js';
import { SqliteSessionStore } from './store/sqlite-session-store.js';

let server: TestServer;
let avery: string;
beforeAll(async () => {
  server = await startTestServer();
  avery = await signIn(server, 'Avery Stone');
});
afterAll(() => server?.dispose());

const ORIGIN = 'http://127.0.0.1:4460';

const sessionOf = (target: TestServer, cookie: string) =>
  fetch(`${target.url}/auth/session`, { headers: { Cookie: cookie } });

const rowCount = (target: TestServer, table: 'sessions' | 'sign_ins') =>
  (
    (target.sessions as SqliteSessionStore).db
      .prepare(`SELECT COUNT(*) AS n FROM ${table}`)
      .get() as {
      n: number;
    }
  ).n;

/** Where a browser on the app goes when it follows `location`. */
const landing = (location: string, origin: string) => new URL(location, `${origin}/auth/login`);

describe('the redirect after sign-in', () => {
  const reported = ['/..//evil.example', '/.//x', '/%2e%2e//x', '/a/..//x', '/.///x', '/%2E.//x'];

  it.each(reported)('stays on the app for returnTo=%s', async (returnTo) => {
    const response = await fetch(
      `${server.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      { headers: { Cookie: avery }, redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(landing(location, server.url).origin).toBe(server.url);
    expect(location).toMatch(/^\/(?![/\\])/);
  });

  it('always stays on the app origin, whatever path is asked for', () => {
    const segment = fc.constantFrom(
      '',
      '.',
      '..',
      '%2e',
      '%2E%2e',
      '.%2e',
      'evil.example',
      '@evil.example',
      'a',
      '\\',
      '%5c',
      '%2f',
      ':',
      'http:',
      '?x=//evil',
      '#//evil',
      ' ',
      '\t',
      '%09',
      '%00',
      'ä',
    );
    const generated = fc.oneof(
      fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
      fc.webPath(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(generated, (returnTo) => {
        const location = safeReturnTo(returnTo, ORIGIN);
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(landing(location, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a callback that does not belong to a sign-in in progress', () => {
  it.each([
    ['no state, no sign-in cookie', '/auth/callback'],
    ['a made-up code and state', '/auth/callback?code=x&state=y'],
    ['an error from another site', '/auth/callback?error=access_denied'],
  ])('leaves a signed-in session alone (%s)', async (_label, path) => {
    const cookie = await signIn(server, 'Jordan Lee');
    const response = await fetch(`${server.url}${path}`, {
      headers: { Cookie: cookie },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(cookieSetBy(response)).toBeUndefined();
    expect((await sessionOf(server, cookie)).status).toBe(200);
  });
});

/** Sends `head` then trickles `body` one byte at a time; resolves with what the server answered. */
function trickle(url: string, head: string, body: string, everyMs: number) {
  const { hostname, port } = new URL(url);
  return new Promise<{ answer: string; bytesSent: number }>((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, bytesSent: sent });
    });
    socket.on('connect', () => {
      const text = head + body;
      let at = head === '' ? 0 : head.length;
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (at < text.length && !socket.destroyed) {
          socket.write(text[at++] as string);
          sent++;
        }
      }, everyMs);
    });
  });
}

describe('slow clients', () => {
  it('has finite header, request and keep-alive timeouts by default', () => {
    const http = server.app.server;
    expect(http.requestTimeout).toBeGreaterThan(0);
    expect(http.requestTimeout).toBeLessThanOrEqual(60_000);
    expect(http.headersTimeout).toBeGreaterThan(0);
    expect(http.headersTimeout).toBeLessThanOrEqual(http.requestTimeout);
    expect(http.keepAliveTimeout).toBeLessThanOrEqual(10_000);
  });

  describe('with a one-second request timeout', () => {
    let strict: TestServer;
    beforeAll(async () => {
      strict = await startTestServer({ REQUEST_TIMEOUT: '1' });
    });
    afterAll(() => strict?.dispose());

    it('cuts off a body sent a byte at a time', async () => {
      const body = JSON.stringify({ D: { Name: 'x'.repeat(200) } });
      const head =
        'POST /api/v1/portal/groups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\nX-Requested-With: PortalGroupsAdmin\r\n\r\n`;
      const { answer, bytesSent } = await trickle(strict.url, head, body, 100);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(bytesSent).toBeLessThan(body.length);
    });

    it('cuts off headers sent a byte at a time', async () => {
      const head = `GET /auth/session HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(200)}\r\n\r\n`;
      const { answer, bytesSent } = await trickle(strict.url, '', head, 100);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(bytesSent).toBeLessThan(head.length);
    });
  });
});

describe('anonymous sign-in traffic', () => {
  it('writes no session for a sign-in that has not completed', async () => {
    const sessionsBefore = rowCount(server, 'sessions');
    const signInsBefore = rowCount(server, 'sign_ins');
    const response = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(cookieSetBy(response)).toBeUndefined();
    expect(rowCount(server, 'sessions')).toBe(sessionsBefore);
    expect(rowCount(server, 'sign_ins')).toBe(signInsBefore + 1);
  });

  it('forgets abandoned sign-ins and expired sessions', async () => {
    let now = Date.now();
    const store = new SqliteSessionStore(':memory:', new Sealer('s'.repeat(32)), () => now);
    try {
      const abandoned = await store.startSignIn({ state: 'st', returnTo: '/groups' });
      await store.startSignIn({ state: 'st2', returnTo: '/groups' });
      const session = await store.create(
        { accessToken: 'a', refreshToken: 'r' },
        { Id: '1', Name: 'A', UserType: 'Member', Role: 'Private' },
      );
      now += SIGN_IN_WINDOW_MS + 1;
      expect(await store.takeSignIn(abandoned)).toBeNull();
      store.sweep();
      const count = (table: string) =>
        (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('sign_ins')).toBe(0);
      expect(count('sessions')).toBe(1);
      now += 24 * 60 * 60 * 1000;
      store.sweep();
      expect(count('sessions')).toBe(0);
      expect(await store.get(session)).toBeNull();
    } finally {
      await store.close();
    }
  });

  describe('limits per client address', () => {
    let limited: TestServer;
    beforeAll(async () => {
      limited = await startTestServer({
        SIGN_IN_RATE_LIMIT: '3',
        SPARK_AUTH_FAILURE_LIMIT: '3',
        TRUST_PROXY: '127.0.0.1',
      });
    });
    afterAll(() => limited?.dispose());

    const login = (forwardedFor?: string) =>
      fetch(`${limited.url}/auth/login`, {
        redirect: 'manual',
        headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
      });

    it('limits sign-in attempts, and a refused one writes nothing', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await login('203.0.113.7')).status);
      expect(statuses).toEqual([302, 302, 302]);
      const before = rowCount(limited, 'sign_ins');
      const refused = await login('203.0.113.7');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.getSetCookie()).toEqual([]);
      expect(rowCount(limited, 'sign_ins')).toBe(before);
      const forged = await fetch(`${limited.url}/auth/callback?code=x&state=y`, {
        redirect: 'manual',
        headers: { 'X-Forwarded-For': '203.0.113.7' },
      });
      expect(forged.status).toBe(429);
      // Another address (through the trusted proxy) has its own allowance.
      expect((await login('198.51.100.9')).status).toBe(302);
    });

    it('limits starting to add an agent the same way', async () => {
      const viaProxy =
        (address: string) =>
        (input: string | URL, init: RequestInit = {}) =>
          fetch(input, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), 'X-Forwarded-For': address },
          });
      const cookie = await signIn(limited, 'Riley Park', '/groups', viaProxy('203.0.113.40'));
      const add = () =>
        viaProxy('203.0.113.41')(`${limited.url}/auth/agents/add?returnTo=%2Fgroups`, {
          headers: { Cookie: cookie },
          redirect: 'manual',
        });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await add()).status);
      expect(statuses).toEqual([302, 302, 302]);
      const before = rowCount(limited, 'sign_ins');
      const refused = await add();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.getSetCookie()).toEqual([]);
      expect(rowCount(limited, 'sign_ins')).toBe(before);
    });

    it('slows guessed tokens and refused grants at the Spark emulator', async () => {
      const guess = (token: string) =>
        fetch(`${limited.url}/spark/v1/my/account`, {
          headers: {
            Authorization: `OAuth ${token}`,
            'X-SparkApi-User-Agent': APP_USER_AGENT,
            'X-Forwarded-For': '192.0.2.50',
          },
        });
      const grant = () =>
        fetch(`${limited.url}/spark/v1/oauth2/grant`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-SparkApi-User-Agent': APP_USER_AGENT,
            'X-Forwarded-For': '192.0.2.50',
          },
          body: JSON.stringify({
            client_id: DEMO_CLIENT_ID,
            client_secret: 'guess',
            grant_type: 'refresh_token',
            refresh_token: 'guess',
          }),
        });
      expect((await guess('guess-1')).status).toBe(401);
      expect((await grant()).status).toBe(401);
      expect((await guess('guess-2')).status).toBe(401);
      const refused = await guess('demo-private');
      expect(refused.status).toBe(429);
      expect((await grant()).status).toBe(429);
      const other = await fetch(`${limited.url}/spark/v1/my/account`, {
        headers: {
          Authorization: 'OAuth demo-private',
          'X-SparkApi-User-Agent': APP_USER_AGENT,
          'X-Forwarded-For': '192.0.2.51',
        },
      });
      expect(other.status).toBe(200);
    });
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const strict = await startTestServer({ SIGN_IN_RATE_LIMIT: '2' });
    try {
      const statuses = [];
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
        const response = await fetch(`${strict.url}/auth/login`, {
          redirect: 'manual',
          headers: { 'X-Forwarded-For': address },
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([302, 302, 429]);
    } finally {
      await strict.dispose();
    }
  });
});

describe('tokens at rest', () => {
  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('keeps the databases and their -wal/-shm files owner-only', () => {
    for (const path of [server.config.databasePath, server.config.sessionsDatabasePath]) {
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(modeOf(file).toString(8), file).toBe('600');
      }
    }
  });

  it('stores no token in clear in the session database files', async () => {
    const session = await server.sessions.get(sessionIdOf(avery));
    const secrets = [session?.tokens.accessToken, session?.tokens.refreshToken];
    expect(secrets.every((s) => typeof s === 'string' && s.length > 10)).toBe(true);
    const path = server.config.sessionsDatabasePath;
    const files = [path, `${path}-wal`].map((file) => readFileSync(file).toString('latin1'));
    for (const secret of secrets) {
      for (const text of files) expect(text).not.toContain(secret);
    }
  });

  it('keeps only hashes of Spark tokens and codes in the emulator database files', async () => {
    const login = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
    const chosen = await chooseAccount(login.headers.get('location') ?? '', 'Jordan Lee');
    const code = new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const callback = await fetch(chosen.headers.get('location') ?? '', {
      headers: { Cookie: cookieSetBy(login, 'pga_signin') ?? '' },
      redirect: 'manual',
    });
    const session = await server.sessions.get(sessionIdOf(cookieSetBy(callback) ?? ''));
    const secrets = [session?.tokens.accessToken, session?.tokens.refreshToken, code];
    expect(secrets.every((s) => typeof s === 'string' && s.length > 20)).toBe(true);
    const path = server.config.databasePath;
    const text = [path, `${path}-wal`]
      .map((file) => readFileSync(file).toString('latin1'))
      .join('');
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).toContain(tokenHash(secret ?? ''));
    }
    // The documented demo tokens still work.
    const demo = await fetch(`${server.url}/spark/v1/my/account`, {
      headers: { Authorization: 'OAuth demo-private', 'X-SparkApi-User-Agent': APP_USER_AGENT },
    });
    expect(demo.status).toBe(200);
  });

  it('signs everyone out cleanly when the session secret is rotated', async () => {
    const first = await startTestServer({ SESSION_SECRET: 'a'.repeat(64) });
    const dir = first.dir;
    const cookie = await signIn(first, 'Avery Stone');
    await first.stop();
    const rotated = await startTestServer({ SESSION_SECRET: 'b'.repeat(64) }, dir);
    try {
      expect((await sessionOf(rotated, cookie)).status).toBe(401);
      const api = await fetch(`${rotated.url}/api/v1/my/account`, { headers: { Cookie: cookie } });
      expect(api.status).toBe(401);
      // A session sealed under the old secret but named by a valid cookie is absent, not a 500.
      const store = rotated.sessions as SqliteSessionStore;
      const id = sessionIdOf(cookie);
      const sealedByOld = store.db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id);
      expect(sealedByOld).toBeTruthy();
      expect(await rotated.sessions.get(id)).toBeNull();
      expect(store.db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id)).toBeUndefined();
      expect((await signIn(rotated, 'Avery Stone')).length).toBeGreaterThan(20);
    } finally {
      await rotated.dispose();
    }
  });

  it('treats a tampered sealed session as absent', async () => {
    const cookie = await signIn(server, 'Jordan Lee');
    const store = server.sessions as SqliteSessionStore;
    const id = sessionIdOf(cookie);
    const { sealed } = store.db.prepare('SELECT sealed FROM sessions WHERE id = ?').get(id) as {
      sealed: string;
    };
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    store.db.prepare('UPDATE sessions SET sealed = ? WHERE id = ?').run(flipped, id);
    expect((await sessionOf(server, cookie)).status).toBe(401);
  });
});

describe('under https', () => {
  let https: TestServer;
  beforeAll(async () => {
    https = await startTestServer({ PUBLIC_URL: 'https://groups.example.com' });
  });
  afterAll(() => https?.dispose());

  it('names its cookies with the __Host- prefix', async () => {
    const response = await fetch(`${https.url}/auth/login`, { redirect: 'manual' });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-pga_signin=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('asks the browser to upgrade insecure requests only under https', async () => {
    const csp = async (target: TestServer) =>
      (await fetch(`${target.url}/auth/session`)).headers.get('content-security-policy') ?? '';
    expect(await csp(https)).toContain('upgrade-insecure-requests');
    expect(await csp(server)).not.toContain('upgrade-insecure-requests');
  });
});

describe('API answers', () => {
  it.each([
    ['/api signed out', '/api/v1/portal/groups', {}],
    ['/api unknown path', '/api/nowhere', { Cookie: 'x' }],
    ['/api bare', '/api', {}],
    [
      '/spark read',
      '/spark/v1/my/account',
      { 'X-SparkApi-User-Agent': 't', Authorization: 'OAuth demo-private' },
    ],
    ['/spark unknown', '/spark/v1/nowhere', {}],
    ['/auth/session', '/auth/session', {}],
    ['/readyz', '/readyz', {}],
  ])('are never cached (%s)', async (_label, path, headers: Record<string, string>) => {
    const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  // Spark's own id is relayed instead when it sends one (request-log.test.ts, with a Spark that does).
  it('carry a request id the log can be searched for', async () => {
    const response = await fetch(`${server.url}/api/v1/my/account`, { headers: { Cookie: avery } });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[\w-]{8,}$/);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz without signing in and without details', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready when Spark cannot be reached', async () => {
    const lonely = await startTestServer({
      SPARK_API_URL: 'http://127.0.0.1:1/spark',
      SPARK_AUTH_URL: 'http://127.0.0.1:1/spark/oauth2',
    });
    try {
      const ready = await fetch(`${lonely.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable' });
      expect((await fetch(`${lonely.url}/healthz`)).status).toBe(200);
    } finally {
      await lonely.dispose();
    }
  });
});
