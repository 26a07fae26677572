import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { APP_USER_AGENT } from '../config.js';
import { AGENT_LIMIT, sessionAnswerSchema } from '../../shared/agents.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { startRedis, type RedisServer } from '../testing/redis-server.js';
import { addAgent, chooseAccount, cookieSetBy, sessionIdOf, signIn } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { refreshLockName } from './store/session-store.js';
import { SqliteSessionStore } from './store/sqlite-session-store.js';

const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };
const GONE = {
  D: { Success: false, Code: 404, Message: 'That agent is no longer in your session.' },
};
const { avery, jordan, assistant: riley } = DEMO_ACCOUNTS;

interface Listing {
  D: { Success: boolean; Results: { Id: string }[]; Pagination?: { TotalRows: number } };
}

type Store = 'SQLite' | 'Redis';

/** A server on the given store; `env` adds settings. */
async function serverOn(store: Store, env: Record<string, string> = {}) {
  let redis: RedisServer | undefined;
  if (store === 'Redis') redis = await startRedis();
  const server = await startTestServer({
    ...env,
    ...(redis
      ? { REDIS_URL: redis.url, SESSION_SECRET: 'agents-test-session-secret-0123456789' }
      : {}),
  });
  // As a load balancer would: traffic once the store is reachable.
  while ((await fetch(`${server.url}/readyz`)).status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    server,
    redis,
    async dispose() {
      await server.dispose();
      await redis?.dispose();
    },
  };
}

const sessionOf = async (server: TestServer, cookie: string) => {
  const response = await fetch(`${server.url}/auth/session`, { headers: { Cookie: cookie } });
  return { status: response.status, text: await response.text() };
};

const agentsOf = async (server: TestServer, cookie: string) =>
  sessionAnswerSchema.parse(JSON.parse((await sessionOf(server, cookie)).text)).Agents;

const forAgent = (server: TestServer, cookie: string, agentId: string, path: string) =>
  fetch(`${server.url}/api/agents/${agentId}/v1${path}`, { headers: { Cookie: cookie } });

const removeAgent = (server: TestServer, cookie: string, agentId: string, headers = APP_HEADERS) =>
  fetch(`${server.url}/auth/agents/${agentId}`, {
    method: 'DELETE',
    headers: { Cookie: cookie, ...headers },
  });

/** The first page of an account's groups straight from the emulator, with its demo token. */
async function groupsWithToken(server: TestServer, token: string) {
  const response = await fetch(`${server.url}/spark/v1/portal/groups?_pagination=1&_limit=25`, {
    headers: { Authorization: `OAuth ${token}`, 'X-SparkApi-User-Agent': APP_USER_AGENT },
  });
  return (await response.json()) as Listing;
}

const storedAgent = async (server: TestServer, cookie: string, agentId: string) =>
  (await server.sessions.get(sessionIdOf(cookie)))?.agents.find((a) => a.user.Id === agentId);

describe('the demo assistant in the emulator', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.dispose());

  it('is Riley Park, an agent-less Member with no contacts and no groups', async () => {
    const call = (path: string) =>
      fetch(`${server.url}/spark/v1${path}`, {
        headers: { Authorization: 'OAuth demo-assistant', 'X-SparkApi-User-Agent': 'test' },
      }).then((r) => r.json() as Promise<Listing & { D: { Results: Record<string, unknown>[] } }>);
    expect((await call('/my/account')).D.Results[0]).toMatchObject({
      Id: riley.id,
      Name: 'Riley Park',
      UserType: 'Member',
      Role: 'Private',
    });
    expect((await call('/contacts')).D.Results).toEqual([]);
    expect((await call('/portal/groups')).D.Results).toEqual([]);
  });
});

describe.each<Store>(['SQLite', 'Redis'])('an assistant working for agents (%s)', (store) => {
  let running: Awaited<ReturnType<typeof serverOn>>;
  let server: TestServer;
  beforeAll(async () => {
    running = await serverOn(store);
    server = running.server;
  }, 30_000);
  afterAll(() => running?.dispose());

  it('reads each agent’s own groups, and its own (none) without an agent', async () => {
    const cookie = await signIn(server, 'Riley Park');
    expect(await agentsOf(server, cookie)).toEqual([]);

    const addedAvery = await addAgent(server, cookie, 'Avery Stone', '/groups?q=a#top');
    expect(addedAvery.pathname + addedAvery.search + addedAvery.hash).toBe(
      `/groups?q=a&agent=${avery.id}#top`,
    );
    const addedJordan = await addAgent(server, cookie, 'Jordan Lee');
    expect(addedJordan.search).toBe(`?agent=${jordan.id}`);

    const session = await sessionOf(server, cookie);
    expect(JSON.parse(session.text)).toEqual({
      Id: riley.id,
      Name: 'Riley Park',
      UserType: 'Member',
      Role: 'Private',
      Agents: [
        { Id: avery.id, Name: 'Avery Stone', UserType: 'Member', Role: 'Private' },
        { Id: jordan.id, Name: 'Jordan Lee', UserType: 'Member', Role: 'Private' },
      ],
    });
    const stored = await server.sessions.get(sessionIdOf(cookie));
    for (const agent of stored?.agents ?? []) {
      expect(session.text).not.toContain(agent.tokens.accessToken);
    }

    for (const [agent, token] of [
      [avery, avery.token],
      [jordan, jordan.token],
    ] as const) {
      const response = await forAgent(
        server,
        cookie,
        agent.id,
        '/portal/groups?_pagination=1&_limit=25',
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('x-acting-for')).toBe(agent.id);
      const body = (await response.json()) as Listing;
      const direct = await groupsWithToken(server, token);
      expect(body.D.Results.map((g) => g.Id)).toEqual(direct.D.Results.map((g) => g.Id));
      expect(body.D.Pagination?.TotalRows).toBe(direct.D.Pagination?.TotalRows);
      expect(body.D.Results.length).toBeGreaterThan(0);
    }
    const own = await fetch(`${server.url}/api/v1/portal/groups`, { headers: { Cookie: cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get('x-acting-for')).toBe(riley.id);
    expect(((await own.json()) as Listing).D.Results).toEqual([]);
  });

  it('refuses to add the signed-in user, consumers, IDX and public accounts, changing nothing', async () => {
    const cookie = await signIn(server, 'Riley Park');
    await addAgent(server, cookie, 'Jordan Lee');
    const refusals = [
      ['Riley Park', 'self'],
      [DEMO_ACCOUNTS.vow.name, 'not-agent'],
      [DEMO_ACCOUNTS.portal.name, 'not-agent'],
      [DEMO_ACCOUNTS.idx.name, 'not-agent'],
      [DEMO_ACCOUNTS.public.name, 'not-agent'],
    ] as const;
    for (const [name, reason] of refusals) {
      const back = await addAgent(server, cookie, name, '/groups');
      expect(back.pathname + back.search).toBe(`/groups?agentError=${reason}`);
    }
    expect((await agentsOf(server, cookie)).map((a) => a.Id)).toEqual([jordan.id]);
    // Still signed in as Riley.
    expect(JSON.parse((await sessionOf(server, cookie)).text)).toMatchObject({ Id: riley.id });
  });

  it.each([DEMO_ACCOUNTS.vow.name, DEMO_ACCOUNTS.portal.name, DEMO_ACCOUNTS.idx.name])(
    'lets no session of an account that cannot hold agents add one (%s)',
    async (name) => {
      const cookie = await signIn(server, name);
      const start = await fetch(`${server.url}/auth/agents/add?returnTo=%2Fgroups`, {
        headers: { Cookie: cookie },
        redirect: 'manual',
      });
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toBe('/groups?agentError=not-allowed');
      expect(cookieSetBy(start, 'pga_signin')).toBeUndefined();
      expect(await agentsOf(server, cookie)).toEqual([]);
      const forAvery = await forAgent(server, cookie, avery.id, '/my/account');
      expect(forAvery.status).toBe(404);
    },
  );

  it('replaces an agent’s tokens when it is added again, keeping its place', async () => {
    const cookie = await signIn(server, 'Riley Park');
    await addAgent(server, cookie, 'Avery Stone');
    await addAgent(server, cookie, 'Jordan Lee');
    const before = await storedAgent(server, cookie, avery.id);
    const again = await addAgent(server, cookie, 'Avery Stone');
    expect(again.search).toBe(`?agent=${avery.id}`);
    const after = await storedAgent(server, cookie, avery.id);
    expect(after?.tokens.accessToken).not.toBe(before?.tokens.accessToken);
    expect((await agentsOf(server, cookie)).map((a) => a.Id)).toEqual([avery.id, jordan.id]);
    expect((await forAgent(server, cookie, avery.id, '/my/account')).status).toBe(200);
  });

  it('sends a browser without a session to sign in first', async () => {
    const response = await fetch(`${server.url}/auth/agents/add?returnTo=%2Fgroups%2F1`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/auth/login?returnTo=%2Fgroups%2F1');
    expect(cookieSetBy(response, 'pga_signin')).toBeUndefined();
  });

  it('adds nothing when the session ended during the agent’s sign-in', async () => {
    const cookie = await signIn(server, 'Riley Park');
    const start = await fetch(`${server.url}/auth/agents/add?returnTo=/groups`, {
      headers: { Cookie: cookie },
      redirect: 'manual',
    });
    const signInCookie = cookieSetBy(start, 'pga_signin') ?? '';
    const chosen = await chooseAccount(start.headers.get('location') ?? '', 'Avery Stone');
    await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, ...APP_HEADERS },
    });
    const callback = await fetch(new URL(chosen.headers.get('location') ?? '', server.url), {
      headers: { Cookie: `${cookie}; ${signInCookie}` },
      redirect: 'manual',
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/groups?agentError=session');
    expect(await server.sessions.get(sessionIdOf(cookie))).toBeNull();
  });

  it('comes back with a reason when the agent’s sign-in is cancelled or its state is wrong', async () => {
    const cookie = await signIn(server, 'Riley Park');
    const start = async () => {
      const response = await fetch(`${server.url}/auth/agents/add?returnTo=/groups`, {
        headers: { Cookie: cookie },
        redirect: 'manual',
      });
      const state = new URL(response.headers.get('location') ?? '').searchParams.get('state');
      return { signInCookie: cookieSetBy(response, 'pga_signin') ?? '', state: state ?? '' };
    };
    const callback = async (signInCookie: string, query: string) => {
      const response = await fetch(`${server.url}/auth/callback?${query}`, {
        headers: { Cookie: `${cookie}; ${signInCookie}` },
        redirect: 'manual',
      });
      expect(cookieSetBy(response)).toBeUndefined();
      return response.headers.get('location');
    };
    const denied = await start();
    expect(await callback(denied.signInCookie, `state=${denied.state}&error=access_denied`)).toBe(
      '/groups?agentError=denied',
    );
    const forged = await start();
    expect(await callback(forged.signInCookie, 'state=forged&code=x')).toBe(
      '/groups?agentError=signin',
    );
    expect(JSON.parse((await sessionOf(server, cookie)).text)).toMatchObject({
      Id: riley.id,
      Agents: [],
    });
  });

  it('holds at most 20 agents', async () => {
    const extra = Array.from({ length: AGENT_LIMIT + 1 }, (_, i) => ({
      id: `2099010100000000000000${String(i).padStart(4, '0')}`,
      name: `Limit Agent ${String(i).padStart(2, '0')}`,
    }));
    const insert = server.db.prepare(
      `INSERT OR IGNORE INTO accounts (id, name, user_type, role) VALUES (?, ?, 'Member', 'Private')`,
    );
    for (const agent of extra) insert.run(agent.id, agent.name);

    const cookie = await signIn(server, 'Riley Park');
    for (const agent of extra.slice(0, AGENT_LIMIT)) {
      expect((await addAgent(server, cookie, agent.name)).search).toBe(`?agent=${agent.id}`);
    }
    const over = await addAgent(server, cookie, extra[AGENT_LIMIT]?.name ?? '');
    expect(over.search).toBe('?agentError=limit');
    // One already held can still be signed in again.
    expect((await addAgent(server, cookie, extra[0]?.name ?? '')).search).toBe(
      `?agent=${extra[0]?.id}`,
    );
    const agents = await agentsOf(server, cookie);
    expect(agents.map((a) => a.Id)).toEqual(extra.slice(0, AGENT_LIMIT).map((a) => a.id));
  }, 60_000);

  describe('isolation', () => {
    let riley1: string;
    let riley2: string;
    beforeAll(async () => {
      riley1 = await signIn(server, 'Riley Park');
      riley2 = await signIn(server, 'Riley Park');
      await addAgent(server, riley1, 'Avery Stone');
      await addAgent(server, riley2, 'Jordan Lee');
    });

    it('never reaches an agent of another session', async () => {
      const other = await forAgent(server, riley2, avery.id, '/portal/groups');
      expect(other.status).toBe(404);
      expect(other.headers.get('x-acting-for')).toBeNull();
      expect(await other.json()).toEqual(GONE);
      const jordansSession = await signIn(server, 'Jordan Lee');
      expect(
        await (await forAgent(server, jordansSession, avery.id, '/my/account')).json(),
      ).toEqual(GONE);
      expect((await removeAgent(server, riley2, avery.id)).status).toBe(404);
      // Riley's first session keeps Avery.
      expect((await forAgent(server, riley1, avery.id, '/my/account')).status).toBe(200);
    });

    it('answers 404 for an agent Id that is not an Id, and 401 without a session', async () => {
      for (const id of ['abc', '1', `${avery.id}0`, 'a%2Fb']) {
        const response = await forAgent(server, riley1, id, '/portal/groups');
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual(GONE);
      }
      const anonymous = await fetch(`${server.url}/api/agents/${avery.id}/v1/portal/groups`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { D: { Code: number } }).D.Code).toBe(1000);
    });

    it('drops an agent at once when removed, and only with the app’s header', async () => {
      const cookie = await signIn(server, 'Riley Park');
      await addAgent(server, cookie, 'Avery Stone');
      await addAgent(server, cookie, 'Jordan Lee');
      const crossSite = await removeAgent(server, cookie, avery.id, {
        'X-Requested-With': 'XMLHttpRequest',
      });
      expect(crossSite.status).toBe(403);
      expect((await forAgent(server, cookie, avery.id, '/my/account')).status).toBe(200);

      const removed = await removeAgent(server, cookie, avery.id);
      expect(removed.status).toBe(204);
      const next = await forAgent(server, cookie, avery.id, '/portal/groups');
      expect(next.status).toBe(404);
      expect(await next.json()).toEqual(GONE);
      expect(await storedAgent(server, cookie, avery.id)).toBeUndefined();
      expect((await agentsOf(server, cookie)).map((a) => a.Id)).toEqual([jordan.id]);
      expect((await forAgent(server, cookie, jordan.id, '/my/account')).status).toBe(200);
      const again = await removeAgent(server, cookie, avery.id);
      expect(again.status).toBe(404);
      expect(await again.json()).toEqual(GONE);
    });

    it('forgets every agent on sign-out', async () => {
      const cookie = await signIn(server, 'Riley Park');
      await addAgent(server, cookie, 'Avery Stone');
      const id = sessionIdOf(cookie);
      const logout = await fetch(`${server.url}/auth/logout`, {
        method: 'POST',
        headers: { Cookie: cookie, ...APP_HEADERS },
      });
      expect(logout.status).toBe(204);
      expect((await forAgent(server, cookie, avery.id, '/my/account')).status).toBe(401);
      if (running.redis) {
        const client = new Redis(running.redis.url);
        expect(await client.keys(`*${id}*`)).toEqual([]);
        await client.quit();
      } else {
        if (!(server.sessions instanceof SqliteSessionStore)) throw new Error('not SQLite');
        const rows = server.sessions.db
          .prepare('SELECT COUNT(*) AS n FROM session_agents WHERE session_id = ?')
          .get(id) as { n: number };
        expect(rows.n).toBe(0);
      }
    });
  });
});

describe.each<Store>(['SQLite', 'Redis'])(
  'each agent’s tokens refreshed on their own (%s)',
  (store) => {
    let running: Awaited<ReturnType<typeof serverOn>>;
    let server: TestServer;
    beforeAll(async () => {
      running = await serverOn(store);
      server = running.server;
    }, 30_000);
    afterAll(() => running?.dispose());

    const expire = (token: string | undefined) =>
      server.db
        .prepare('UPDATE access_tokens SET expires_at = 1 WHERE token_hash = token_hash(?)')
        .run(token);

    it('refreshes one agent while another keeps working, even while the first one’s refresh is held', async () => {
      const cookie = await signIn(server, 'Riley Park');
      await addAgent(server, cookie, 'Avery Stone');
      await addAgent(server, cookie, 'Jordan Lee');
      const sessionId = sessionIdOf(cookie);
      const before = await server.sessions.get(sessionId);
      const averyBefore = before?.agents.find((a) => a.user.Id === avery.id);
      const jordanBefore = before?.agents.find((a) => a.user.Id === jordan.id);
      expire(averyBefore?.tokens.accessToken);
      expire(jordanBefore?.tokens.accessToken);

      // While Avery's refresh lock is held elsewhere, Jordan's own refresh goes through.
      let release: (() => void) | undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const averyLock = server.sessions.withRefreshLock(
        refreshLockName(sessionId, avery.id),
        () => held,
      );
      const jordans = await forAgent(server, cookie, jordan.id, '/portal/groups');
      expect(jordans.status).toBe(200);
      expect(jordans.headers.get('x-acting-for')).toBe(jordan.id);
      release?.();
      await averyLock;

      const averys = await forAgent(server, cookie, avery.id, '/portal/groups');
      expect(averys.status).toBe(200);
      expect(averys.headers.get('x-acting-for')).toBe(avery.id);
      const after = await server.sessions.get(sessionId);
      const averyAfter = after?.agents.find((a) => a.user.Id === avery.id);
      const jordanAfter = after?.agents.find((a) => a.user.Id === jordan.id);
      expect(averyAfter?.tokens.accessToken).not.toBe(averyBefore?.tokens.accessToken);
      expect(jordanAfter?.tokens.accessToken).not.toBe(jordanBefore?.tokens.accessToken);
      expect(after?.tokens).toEqual(before?.tokens);
    });

    it('keeps both agents’ new tokens when they refresh at the same time', async () => {
      const cookie = await signIn(server, 'Riley Park');
      await addAgent(server, cookie, 'Avery Stone');
      await addAgent(server, cookie, 'Jordan Lee');
      const before = await server.sessions.get(sessionIdOf(cookie));
      for (const agent of before?.agents ?? []) expire(agent.tokens.accessToken);
      const responses = await Promise.all(
        [avery, jordan, avery, jordan].map((agent) =>
          forAgent(server, cookie, agent.id, '/my/account'),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const after = await server.sessions.get(sessionIdOf(cookie));
      for (const agent of after?.agents ?? []) {
        const old = before?.agents.find((a) => a.user.Id === agent.user.Id);
        expect(agent.tokens.accessToken).not.toBe(old?.tokens.accessToken);
        // The stored token is the one Spark honours now: nothing was overwritten by the other refresh.
        const response = await fetch(`${server.url}/spark/v1/my/account`, {
          headers: {
            Authorization: `OAuth ${agent.tokens.accessToken}`,
            'X-SparkApi-User-Agent': APP_USER_AGENT,
          },
        });
        expect(response.status).toBe(200);
      }
    });

    it('drops only that agent when its refresh is refused', async () => {
      const cookie = await signIn(server, 'Riley Park');
      await addAgent(server, cookie, 'Avery Stone');
      await addAgent(server, cookie, 'Jordan Lee');
      const agent = await storedAgent(server, cookie, avery.id);
      expire(agent?.tokens.accessToken);
      server.db
        .prepare(
          `UPDATE access_tokens SET refresh_token_hash = 'withdrawn-' || token_hash WHERE token_hash = token_hash(?)`,
        )
        .run(agent?.tokens.accessToken);
      const response = await forAgent(server, cookie, avery.id, '/portal/groups');
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(GONE);
      expect((await agentsOf(server, cookie)).map((a) => a.Id)).toEqual([jordan.id]);
      expect((await sessionOf(server, cookie)).status).toBe(200);
      expect((await forAgent(server, cookie, jordan.id, '/my/account')).status).toBe(200);
    });
  },
);
