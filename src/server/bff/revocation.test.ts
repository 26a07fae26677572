import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT } from '../config.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { addAgent, sessionIdOf, signIn } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import type { Tokens } from './store/session-store.js';

const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.dispose());

/** What the emulator says to a client still holding these tokens (as one who copied them would). */
async function stillValid({ accessToken, refreshToken }: Tokens) {
  const account = await fetch(`${server.url}/spark/v1/my/account`, {
    headers: { Authorization: `OAuth ${accessToken}`, 'X-SparkApi-User-Agent': APP_USER_AGENT },
  });
  const refreshed = await fetch(`${server.url}/spark/v1/oauth2/grant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT },
    body: JSON.stringify({
      client_id: server.config.spark.clientId,
      client_secret: server.config.spark.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    }),
  });
  return { access: account.status === 200, refresh: refreshed.status === 200 };
}

async function sessionOf(cookie: string) {
  const session = await server.sessions.get(sessionIdOf(cookie));
  if (!session) throw new Error('no session');
  return session;
}

describe('tokens a session lets go of are ended at the emulator', () => {
  it('signing out ends the user’s tokens and every agent’s', async () => {
    const cookie = await signIn(server, 'Riley Park');
    await addAgent(server, cookie, 'Avery Stone');
    const session = await sessionOf(cookie);
    const held = [session.tokens, ...session.agents.map((agent) => agent.tokens)];
    expect(held).toHaveLength(2);
    for (const tokens of held)
      expect(await stillValid(tokens)).toEqual({ access: true, refresh: true });

    const out = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, ...APP_HEADERS },
    });
    expect(out.status).toBe(204);
    for (const tokens of held) {
      expect(await stillValid(tokens)).toEqual({ access: false, refresh: false });
    }
  });

  it('removing an agent ends that agent’s tokens only', async () => {
    const cookie = await signIn(server, 'Riley Park');
    await addAgent(server, cookie, 'Avery Stone');
    const before = await sessionOf(cookie);
    const agentTokens = before.agents[0]?.tokens;
    if (!agentTokens) throw new Error('no agent');

    const removed = await fetch(`${server.url}/auth/agents/${DEMO_ACCOUNTS.avery.id}`, {
      method: 'DELETE',
      headers: { Cookie: cookie, ...APP_HEADERS },
    });
    expect(removed.status).toBe(204);
    expect(await stillValid(agentTokens)).toEqual({ access: false, refresh: false });
    expect(await stillValid(before.tokens)).toEqual({ access: true, refresh: true });
  });

  it('adding an agent again ends the pair it replaces', async () => {
    const first = await signIn(server, 'Riley Park');
    await addAgent(server, first, 'Avery Stone');
    const oldAgent = (await sessionOf(first)).agents[0]?.tokens;
    if (!oldAgent) throw new Error('no agent');

    await addAgent(server, first, 'Avery Stone');
    const newAgent = (await sessionOf(first)).agents[0]?.tokens;
    if (!newAgent) throw new Error('no agent');
    expect(newAgent.accessToken).not.toBe(oldAgent.accessToken);
    expect(await stillValid(oldAgent)).toEqual({ access: false, refresh: false });
    expect(await stillValid(newAgent)).toEqual({ access: true, refresh: true });
  });
});
