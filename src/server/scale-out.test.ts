import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkCode } from '../shared/spark-codes.js';
import { DEMO_ACCOUNTS } from './spark/demo-accounts.js';
import { startRedis, type RedisServer } from './testing/redis-server.js';
import { startSeparateSpark, type SeparateSpark } from './testing/separate-spark.js';
import { sessionIdOf, signIn } from './testing/sign-in.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const SESSION_SECRET = 'scale-out-shared-session-secret-0123456789';
const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };

let redis: RedisServer;
let spark: SeparateSpark;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  redis = await startRedis({ persistent: true });
  spark = await startSeparateSpark();
  const env = { ...spark.env, REDIS_URL: redis.url, SESSION_SECRET };
  [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
  spark.allowApp(a.config.publicUrl);
  spark.allowApp(b.config.publicUrl);
  // As a load balancer would: traffic once the instances report ready.
  await Promise.all([a, b].map(untilReady));
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
  await spark?.dispose();
  await redis?.dispose();
});

const instances = () => [a, b] as const;
const instance = (i: number) => (i % 2 === 0 ? a : b);
const readiness = async (server: TestServer) => (await fetch(`${server.url}/readyz`)).status;
const untilReady = async (server: TestServer) => {
  while ((await readiness(server)) !== 200) await new Promise((r) => setTimeout(r, 50));
};
const api = (server: TestServer, cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { Cookie: cookie, ...APP_HEADERS, ...(init.headers as Record<string, string>) },
  });
const sessionStatus = async (server: TestServer, cookie: string) =>
  (await fetch(`${server.url}/auth/session`, { headers: { Cookie: cookie } })).status;

/** Access tokens the emulator has issued to an account (each refresh issues one). */
const issued = (accountId: string) =>
  (
    spark.server.db
      .prepare('SELECT COUNT(*) AS n FROM access_tokens WHERE account_id = ?')
      .get(accountId) as { n: number }
  ).n;

async function expireAccessToken(cookie: string) {
  const session = await a.sessions.get(sessionIdOf(cookie));
  if (!session) throw new Error('no session');
  spark.server.db
    .prepare('UPDATE access_tokens SET expires_at = 1 WHERE token_hash = token_hash(?)')
    .run(session.tokens.accessToken);
}

/** `count` concurrent reads spread over both instances; their statuses. */
async function spread(cookie: string, count: number) {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) => api(instance(i), cookie, '/my/account')),
  );
  return Promise.all(
    responses.map(async (response) => {
      await response.arrayBuffer();
      return response.status;
    }),
  );
}

describe('two instances sharing Redis', () => {
  it('signs in through A and serves the same user through B, alternating', async () => {
    const cookie = await signIn(a, DEMO_ACCOUNTS.avery.name);
    for (const server of [b, a, b, a]) {
      expect(await sessionStatus(server, cookie)).toBe(200);
      const account = await api(server, cookie, '/my/account');
      expect(account.status).toBe(200);
      expect(await account.json()).toMatchObject({
        D: { Results: [{ Name: DEMO_ACCOUNTS.avery.name }] },
      });
    }
    const tagged = await api(b, cookie, '/portal/groups?_pagination=1&_limit=1');
    expect(tagged.status).toBe(200);
  });

  it('refreshes an expiring token exactly once for 100 concurrent requests over both', async () => {
    const cookie = await signIn(b, DEMO_ACCOUNTS.avery.name);
    await expireAccessToken(cookie);
    const before = issued(DEMO_ACCOUNTS.avery.id);
    const statuses = await spread(cookie, 100);
    const refreshes = issued(DEMO_ACCOUNTS.avery.id) - before;
    console.log(
      `[scale-out] 100 requests over 2 instances as the token expired: ${statuses.filter((s) => s === 200).length} answered 200, ${statuses.filter((s) => s !== 200).length} failed, ${refreshes} refresh(es) at the emulator`,
    );
    expect(statuses).toEqual(Array.from({ length: 100 }, () => 200));
    expect(refreshes).toBe(1);
    expect(await sessionStatus(a, cookie)).toBe(200);
    expect(await sessionStatus(b, cookie)).toBe(200);
  });

  it('refuses a session on A as soon as it is signed out on B', async () => {
    const cookie = await signIn(a, DEMO_ACCOUNTS.jordan.name);
    expect((await api(a, cookie, '/my/account')).status).toBe(200);
    const logout = await fetch(`${b.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, ...APP_HEADERS, Origin: b.config.publicUrl },
    });
    expect(logout.status).toBe(204);
    expect(await sessionStatus(a, cookie)).toBe(401);
    expect((await api(a, cookie, '/my/account')).status).toBe(401);
  });

  it('rides out Redis stopping and restarting: 503 meanwhile, no acknowledged session lost', async () => {
    const avery = await signIn(a, DEMO_ACCOUNTS.avery.name);
    const jordan = await signIn(b, DEMO_ACCOUNTS.jordan.name);
    const cookies = [avery, jordan, await signIn(a, DEMO_ACCOUNTS.jordan.name)];
    const seen = new Set<number>();
    let running = true;
    const traffic = (async () => {
      for (let i = 0; running; i++) {
        try {
          const response = await api(instance(i), cookies[i % 3] ?? avery, '/my/account');
          await response.arrayBuffer();
          seen.add(response.status);
        } catch {
          seen.add(0);
        }
      }
    })();

    await redis.kill();
    for (const server of instances()) {
      await expect.poll(() => readiness(server), { timeout: 10_000 }).toBe(503);
    }
    const during = await api(a, avery, '/my/account');
    expect(during.status).toBe(503);
    expect(await during.json()).toStrictEqual({
      D: {
        Success: false,
        Code: SparkCode.InternalError,
        Message: 'The service is temporarily unavailable.',
      },
    });
    expect(await sessionStatus(b, jordan)).toBe(503);
    const login = await fetch(`${b.url}/auth/login`, { redirect: 'manual' });
    expect(login.status).toBe(503);
    expect(login.headers.getSetCookie()).toEqual([]);

    await redis.restart();
    for (const server of instances()) {
      await expect.poll(() => readiness(server), { timeout: 15_000 }).toBe(200);
    }
    running = false;
    await traffic;
    expect([...seen].every((status) => status === 200 || status === 503)).toBe(true);
    expect(seen.has(200)).toBe(true);
    for (const cookie of cookies) {
      for (const server of instances()) {
        expect(await sessionStatus(server, cookie)).toBe(200);
        expect((await api(server, cookie, '/my/account')).status).toBe(200);
      }
    }

    await expireAccessToken(avery);
    const before = issued(DEMO_ACCOUNTS.avery.id);
    expect(await spread(avery, 20)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(issued(DEMO_ACCOUNTS.avery.id) - before).toBe(1);
  }, 60_000);

  it('answers 503 within seconds while Redis stalls (connected, answering nothing), then recovers by itself', async () => {
    const avery = await signIn(a, DEMO_ACCOUNTS.avery.name);
    redis.pause();
    try {
      // Without bounded command timeouts these would hang as long as Redis does: the signal
      // turns a hang into a failure of this test.
      const bounded = { signal: AbortSignal.timeout(15_000) };
      for (const server of instances()) {
        expect((await fetch(`${server.url}/readyz`, bounded)).status).toBe(503);
      }
      const during = await api(a, avery, '/my/account', bounded);
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('5');
      const login = await fetch(`${b.url}/auth/login`, { ...bounded, redirect: 'manual' });
      expect(login.status).toBe(503);
    } finally {
      redis.resume();
    }
    for (const server of instances()) {
      await expect.poll(() => readiness(server), { timeout: 15_000 }).toBe(200);
    }
    expect((await api(b, avery, '/my/account')).status).toBe(200);
  }, 60_000);

  it('keeps tokens sealed in Redis', async () => {
    const cookie = await signIn(a, DEMO_ACCOUNTS.avery.name);
    const session = await a.sessions.get(sessionIdOf(cookie));
    const { connectRedis } = await import('./bff/store/redis-session-store.js');
    const client = connectRedis(redis.url);
    try {
      await expect.poll(() => client.status, { timeout: 5_000 }).toBe('ready');
      const keys = await client.keys('pga:*');
      const values = await Promise.all(
        keys.filter((k) => k.startsWith('pga:session:')).map((k) => client.get(k)),
      );
      expect(values.length).toBeGreaterThan(0);
      const everything = values.join('\n');
      expect(everything).not.toContain(session?.tokens.accessToken);
      expect(everything).not.toContain(session?.tokens.refreshToken);
      expect(everything).not.toContain(DEMO_ACCOUNTS.avery.name);
      const ttl = await client.pttl(`pga:session:${sessionIdOf(cookie)}`);
      expect(ttl).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
  });
});
