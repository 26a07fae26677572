import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../config.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { authorizeFormFor, cookieSetBy, sessionIdOf, signIn } from '../testing/sign-in.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.dispose());

const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };

interface Seen {
  url: string;
  status: number;
  headers: string;
  body: string;
}

/** A browser's view of one response: everything it could read or store. */
async function visit(url: string | URL, init: RequestInit = {}, seen: Seen[] = []) {
  const response = await fetch(new URL(url, server.url), { redirect: 'manual', ...init });
  const body = await response.text();
  seen.push({
    url: String(url),
    status: response.status,
    headers: JSON.stringify([...response.headers.entries(), ...response.headers.getSetCookie()]),
    body,
  });
  return { response, body };
}

async function startLogin(returnTo?: string) {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const { response } = await visit(`/auth/login${query}`);
  return {
    response,
    cookie: cookieSetBy(response, 'pga_signin') ?? '',
    authorizeUrl: new URL(response.headers.get('location') ?? ''),
  };
}

/** The callback URL the emulator sends the browser to after "Sign in as <name>". */
async function chooseAccount(authorizeUrl: URL, name: string, seen: Seen[] = []) {
  const page = await visit(authorizeUrl, {}, seen);
  const form = authorizeFormFor(page.body, name);
  const chosen = await visit(
    new URL(form.action, authorizeUrl),
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields).toString(),
    },
    seen,
  );
  return new URL(chosen.response.headers.get('location') ?? '');
}

const sessionOf = (cookie: string) =>
  fetch(`${server.url}/auth/session`, { headers: { Cookie: cookie } });

describe('GET /auth/login', () => {
  it('redirects to the authorize page with a fresh state and sets a locked-down cookie', async () => {
    const first = await startLogin('/groups/123');
    const second = await startLogin();
    expect(first.response.status).toBe(302);
    const { authorizeUrl } = first;
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(server.config.spark.authUrl);
    expect(Object.fromEntries(authorizeUrl.searchParams)).toEqual({
      response_type: 'code',
      client_id: DEMO_CLIENT_ID,
      redirect_uri: `${server.config.publicUrl}/auth/callback`,
      state: expect.stringMatching(/^[\w-]{32,}$/),
    });
    expect(second.authorizeUrl.searchParams.get('state')).not.toBe(
      authorizeUrl.searchParams.get('state'),
    );
    const setCookie = first.response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^pga_signin=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);
    // The state lives server side only; the cookie is an opaque signed id.
    expect(setCookie).not.toContain(authorizeUrl.searchParams.get('state'));
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const https = await startTestServer({ PUBLIC_URL: 'https://groups.example.com' });
    try {
      const response = await fetch(`${https.url}/auth/login`, { redirect: 'manual' });
      expect(response.headers.getSetCookie().join('\n')).toMatch(/;\s*Secure/i);
    } finally {
      await https.dispose();
    }
  });
  it('leaves a signed-in session alone and goes straight back (a link cannot sign anyone out)', async () => {
    const cookie = await signIn(server, 'Avery Stone');
    const { response } = await visit('/auth/login?returnTo=%2Fgroups%2Fnew', {
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/groups/new');
    expect(cookieSetBy(response)).toBeUndefined();
    expect((await sessionOf(cookie)).status).toBe(200);
  });
});

describe('GET /auth/callback', () => {
  it('signs in, rotates the session id and returns to returnTo', async () => {
    const login = await startLogin('/groups/123?tab=members');
    const callbackUrl = await chooseAccount(login.authorizeUrl, 'Avery Stone');
    expect(callbackUrl.pathname).toBe('/auth/callback');
    const { response } = await visit(callbackUrl, { headers: { Cookie: login.cookie } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/groups/123?tab=members');
    const cookie = cookieSetBy(response) ?? '';
    expect(cookie).toMatch(/^pga_session=.+/);
    expect(cookie).not.toBe(login.cookie);

    const session = await sessionOf(cookie);
    expect(session.status).toBe(200);
    expect(await session.json()).toEqual({
      Id: expect.any(String),
      Name: 'Avery Stone',
      UserType: 'Member',
      Role: 'Private',
      Agents: [],
    });
    // The pre-sign-in cookie is dead.
    expect((await sessionOf(login.cookie)).status).toBe(401);

    const groups = await fetch(`${server.url}/api/v1/portal/groups`, {
      headers: { Cookie: cookie },
    });
    expect(groups.status).toBe(200);
    const body = (await groups.json()) as { D: { Success: boolean; Results: unknown[] } };
    expect(body.D.Success).toBe(true);
    expect(body.D.Results.length).toBeGreaterThan(0);
  });

  it.each(['//evil.com', 'https://evil.com/x', '/\\evil.com', 'javascript:alert(1)', 'groups'])(
    'refuses the open redirect returnTo=%s and lands on /groups',
    async (returnTo) => {
      const login = await startLogin(returnTo);
      const callbackUrl = await chooseAccount(login.authorizeUrl, 'Jordan Lee');
      const { response } = await visit(callbackUrl, { headers: { Cookie: login.cookie } });
      expect(response.headers.get('location')).toBe('/groups');
    },
  );

  it('refuses a wrong or missing state, and the pending sign-in cannot be retried', async () => {
    const login = await startLogin();
    const callbackUrl = await chooseAccount(login.authorizeUrl, 'Avery Stone');
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged');
    const wrong = await visit(forged, { headers: { Cookie: login.cookie } });
    expect(wrong.response.status).toBe(302);
    expect(wrong.response.headers.get('location')).toBe('/signed-out?error=state');
    expect(cookieSetBy(wrong.response, 'pga_signin')).toBe('pga_signin=');

    const genuine = await visit(callbackUrl, { headers: { Cookie: login.cookie } });
    expect(genuine.response.headers.get('location')).toBe('/signed-out?error=state');

    const other = await startLogin();
    const missing = new URL(await chooseAccount(other.authorizeUrl, 'Avery Stone'));
    missing.searchParams.delete('state');
    const noState = await visit(missing, { headers: { Cookie: other.cookie } });
    expect(noState.response.headers.get('location')).toBe('/signed-out?error=state');
  });

  it.each([
    ['access_denied', 'denied'],
    ['server_error', 'signin'],
    ['<script>alert(1)</script>', 'signin'],
  ])('passes a refused sign-in (error=%s) to the app as a fixed reason', async (error, reason) => {
    const login = await startLogin();
    const state = login.authorizeUrl.searchParams.get('state') ?? '';
    const callback = `/auth/callback?${new URLSearchParams({ error, state })}`;
    const { response } = await visit(callback, { headers: { Cookie: login.cookie } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/signed-out?error=${reason}`);
    // The sign-in in progress is over; a session the browser may have is left alone.
    expect(cookieSetBy(response, 'pga_signin')).toBe('pga_signin=');
    expect(cookieSetBy(response)).toBeUndefined();
  });

  it('refuses a callback without the sign-in cookie, and a replayed one', async () => {
    const login = await startLogin();
    const callbackUrl = await chooseAccount(login.authorizeUrl, 'Avery Stone');
    const noCookie = await visit(callbackUrl);
    expect(noCookie.response.headers.get('location')).toBe('/signed-out?error=state');

    const first = await visit(callbackUrl, { headers: { Cookie: login.cookie } });
    expect(first.response.headers.get('location')).toBe('/groups');
    const replay = await visit(callbackUrl, { headers: { Cookie: login.cookie } });
    expect(replay.response.headers.get('location')).toBe('/signed-out?error=state');
    expect(cookieSetBy(replay.response, 'pga_signin')).toBe('pga_signin=');
    expect(cookieSetBy(replay.response)).toBeUndefined();
  });

  it('never shows the browser a token or the client secret', async () => {
    const seen: Seen[] = [];
    const login = await visit('/auth/login?returnTo=/groups', {}, seen);
    const loginCookie = cookieSetBy(login.response, 'pga_signin') ?? '';
    const callbackUrl = await chooseAccount(
      new URL(login.response.headers.get('location') ?? ''),
      'Avery Stone',
      seen,
    );
    const callback = await visit(callbackUrl, { headers: { Cookie: loginCookie } }, seen);
    const cookie = cookieSetBy(callback.response) ?? '';
    const stored = (await server.sessions.get(sessionIdOf(cookie)))?.tokens;
    const headers = { Cookie: cookie, ...APP_HEADERS };
    await visit('/auth/session', { headers }, seen);
    await visit('/api/v1/my/account', { headers }, seen);
    await visit('/api/v1/portal/groups?_pagination=1', { headers }, seen);
    await visit('/auth/logout', { method: 'POST', headers }, seen);

    const secrets = [stored?.accessToken, stored?.refreshToken, DEMO_CLIENT_SECRET].filter(
      (value): value is string => Boolean(value),
    );
    expect(secrets.length).toBeGreaterThan(2);
    expect(seen.map((s) => s.status)).toEqual([302, 200, 302, 302, 200, 200, 200, 204]);
    for (const response of seen) {
      for (const secret of secrets) {
        expect(response.headers).not.toContain(secret);
        expect(response.body).not.toContain(secret);
      }
    }
  });
});

describe('GET /auth/session', () => {
  it('answers 401 without a session, or with a tampered cookie', async () => {
    expect((await fetch(`${server.url}/auth/session`)).status).toBe(401);
    const cookie = await signIn(server, 'Avery Stone');
    const response = await sessionOf(`pga_session=${sessionIdOf(cookie)}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe('POST /auth/logout', () => {
  it('ends the session server side: the old cookie no longer works', async () => {
    const cookie = await signIn(server, 'Avery Stone');
    const response = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, ...APP_HEADERS, Origin: server.config.publicUrl },
    });
    expect(response.status).toBe(204);
    expect(cookieSetBy(response)).toBe('pga_session=');
    expect(response.headers.get('clear-site-data')).toBe('"cache"');
    expect((await sessionOf(cookie)).status).toBe(401);
    const api = await fetch(`${server.url}/api/v1/my/account`, { headers: { Cookie: cookie } });
    expect(api.status).toBe(401);
    expect(await server.sessions.get(sessionIdOf(cookie))).toBeNull();
  });

  it.each([
    ['without the app header', {}],
    ['from another origin', { ...APP_HEADERS, Origin: 'https://evil.example' }],
  ])('is refused %s and the session lives on', async (_label, headers) => {
    const cookie = await signIn(server, 'Jordan Lee');
    const response = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, ...headers },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      D: { Success: false, Code: 1500, Message: 'Cross-origin request refused' },
    });
    expect((await sessionOf(cookie)).status).toBe(200);
  });
});
