import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID } from '../config.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { cookieSetBy, signIn, type Fetch } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/** Refused attempts the embedded emulator allows an address in a minute. */
const LIMIT = 5;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    SPARK_AUTH_FAILURE_LIMIT: String(LIMIT),
    TRUST_PROXY: '127.0.0.1',
  });
});
afterAll(() => server?.dispose());

/** Requests from a client at `address` (through the trusted proxy). */
const from =
  (address: string): Fetch =>
  (input, init = {}) =>
    fetch(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'X-Forwarded-For': address },
    });

/** A sign-in started for real, then completed with a made-up code: where the callback sends. */
async function madeUpCode(send: Fetch, code: string): Promise<string> {
  const login = await send(`${server.url}/auth/login`, { redirect: 'manual' });
  const signInCookie = cookieSetBy(login, 'pga_signin') ?? '';
  const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const callback = await send(
    `${server.url}/auth/callback?${new URLSearchParams({ code, state })}`,
    { headers: { Cookie: signInCookie }, redirect: 'manual' },
  );
  return callback.headers.get('location') ?? '';
}

const myAccount = (send: Fetch, cookie: string) =>
  send(`${server.url}/api/v1/my/account`, { headers: { Cookie: cookie } });

describe('refused attempts made through the sign-in server', () => {
  it('count against the client that made them, never against everyone', async () => {
    const avery = from('203.0.113.10');
    const averyCookie = await signIn(server, 'Avery Stone', '/groups', avery);
    const attacker = from('198.51.100.66');
    const attackerCookie = await signIn(server, 'Jordan Lee', '/groups', attacker);

    const landings: string[] = [];
    for (let i = 0; i < LIMIT * 3; i++) landings.push(await madeUpCode(attacker, `made-up-${i}`));
    expect(new Set(landings)).toEqual(new Set(['/signed-out?error=signin']));

    // The attacker's own address is over its limit...
    expect((await myAccount(attacker, attackerCookie)).status).toBe(429);
    // ...everyone else is served, and can still sign in.
    expect((await myAccount(avery, averyCookie)).status).toBe(200);
    expect((await myAccount(fetch, averyCookie)).status).toBe(200);
    const newcomer = from('192.0.2.77');
    const riley = await signIn(server, 'Riley Park', '/groups', newcomer);
    expect((await myAccount(newcomer, riley)).status).toBe(200);
  });

  it('counts a session whose Spark token was refused against its own client', async () => {
    const victim = from('203.0.113.20');
    const victimCookie = await signIn(server, 'Avery Stone', '/groups', victim);
    const sender = from('198.51.100.88');
    for (let i = 0; i < LIMIT; i++) {
      const cookie = await signIn(server, 'Jordan Lee', '/groups', sender);
      server.db
        .prepare('UPDATE access_tokens SET revoked = 1 WHERE client_id = ? AND account_id = ?')
        .run(DEMO_CLIENT_ID, DEMO_ACCOUNTS.jordan.id);
      expect((await myAccount(sender, cookie)).status).toBe(401);
    }
    expect((await myAccount(victim, victimCookie)).status).toBe(200);
    const cookie = await signIn(server, 'Riley Park', '/groups', from('192.0.2.78'));
    expect((await myAccount(from('192.0.2.78'), cookie)).status).toBe(200);
  });
});
