import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { chooseAccount, cookieSetBy } from '../testing/sign-in.js';

/** What a reverse proxy in front of the server does: the public address, served by this server. */
const PUBLIC_URL = 'https://portal-groups.invalid';
let server: TestServer;
const behindProxy = (url: string) => new URL(url.replace(PUBLIC_URL, server.url));

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL });
});
afterAll(() => server.dispose());

describe('the embedded emulator is reached in-process, not through PUBLIC_URL', () => {
  it('signs in and proxies although PUBLIC_URL does not resolve from the server', async () => {
    const login = await fetch(`${server.url}/auth/login?returnTo=%2Fgroups`, {
      redirect: 'manual',
    });
    const authorizeUrl = login.headers.get('location') ?? '';
    expect(authorizeUrl.startsWith(`${PUBLIC_URL}/spark/oauth2?`)).toBe(true);
    const signInCookie = cookieSetBy(login, '__Host-pga_signin') ?? '';

    const chosen = await chooseAccount(behindProxy(authorizeUrl), 'Avery Stone');
    const callbackUrl = chosen.headers.get('location') ?? '';
    expect(callbackUrl.startsWith(`${PUBLIC_URL}/auth/callback?`)).toBe(true);
    // The callback exchanges the code at the token endpoint and reads /v1/my/account.
    const callback = await fetch(behindProxy(callbackUrl), {
      headers: { Cookie: signInCookie },
      redirect: 'manual',
    });
    expect(callback.headers.get('location')).toBe('/groups');
    const session = cookieSetBy(callback, '__Host-pga_session') ?? '';

    const me = await fetch(`${server.url}/auth/session`, { headers: { Cookie: session } });
    expect(await me.json()).toMatchObject({ Name: 'Avery Stone', Role: 'Private' });
    const groups = await fetch(`${server.url}/api/v1/portal/groups?_limit=2&_pagination=1`, {
      headers: { Cookie: session },
    });
    expect(groups.status).toBe(200);
    const body = (await groups.json()) as { D: { Results: unknown[]; Pagination: object } };
    expect(body.D.Results).toHaveLength(2);
    expect(body.D.Pagination).toMatchObject({ PageSize: 2, CurrentPage: 1 });

    const refused = await fetch(`${server.url}/api/v1/portal/groups/123`, {
      method: 'PUT',
      headers: {
        Cookie: session,
        'Content-Type': 'application/json',
        'X-Requested-With': 'PortalGroupsAdmin',
      },
      body: JSON.stringify({ D: {} }),
    });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ D: { Success: false, Code: 404 } });
  });
});
