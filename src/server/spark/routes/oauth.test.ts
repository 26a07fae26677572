import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../config.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { authorizeFormFor, chooseAccount } from '../../testing/sign-in.js';

let server: TestServer;
let redirectUri: string;

beforeAll(async () => {
  server = await startTestServer();
  redirectUri = `${server.config.publicUrl}/auth/callback`;
});
afterAll(() => server?.dispose());

function authorizeUrl(params: Record<string, string>): string {
  return `${server.url}/spark/oauth2?${new URLSearchParams(params)}`;
}

const validParams = () => ({
  response_type: 'code',
  client_id: DEMO_CLIENT_ID,
  redirect_uri: redirectUri,
  state: 'state-123',
});

async function authorizeCode(accountName: string, state = 'state-123'): Promise<URL> {
  const chosen = await chooseAccount(authorizeUrl({ ...validParams(), state }), accountName);
  expect(chosen.status).toBe(302);
  return new URL(chosen.headers.get('location') ?? '');
}

async function grant(body: Record<string, string>) {
  const response = await fetch(`${server.url}/spark/v1/oauth2/grant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const exchange = (code: string, overrides: Record<string, string> = {}) =>
  grant({
    client_id: DEMO_CLIENT_ID,
    client_secret: DEMO_CLIENT_SECRET,
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    ...overrides,
  });

const refresh = (refreshToken: string) =>
  grant({
    client_id: DEMO_CLIENT_ID,
    client_secret: DEMO_CLIENT_SECRET,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });

async function myAccount(token: string) {
  const response = await fetch(`${server.url}/spark/v1/my/account`, {
    headers: { Authorization: `OAuth ${token}`, 'X-SparkApi-User-Agent': APP_USER_AGENT },
  });
  return {
    status: response.status,
    json: (await response.json()) as { D: Record<string, unknown> },
  };
}

describe('authorize page', () => {
  it('is an accessible page with a "Sign in as" button for every account, with its role', async () => {
    const response = await fetch(authorizeUrl(validParams()));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).not.toMatch(/<script/i);
    const accounts = server.db.prepare('SELECT name, role FROM accounts').all() as {
      name: string;
      role: string;
    }[];
    expect(accounts.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Avery Stone', 'Jordan Lee', 'Riley Park']),
    );
    for (const account of accounts) {
      const form = authorizeFormFor(html, account.name);
      expect(form.fields).toMatchObject({ client_id: DEMO_CLIENT_ID, redirect_uri: redirectUri });
    }
    expect(html).toContain('Private (agent)');
    expect(html).toContain('VOW (consumer)');
    expect(html).toContain('Portal (consumer)');
  });

  it('escapes every dynamic value', async () => {
    server.db
      .prepare(
        `INSERT INTO accounts (id, name, user_type, role) VALUES ('x-escape', ?, 'Member', 'Public')`,
      )
      .run(`<img src=x onerror=alert(1)> O'Hara & "Co"`);
    const response = await fetch(authorizeUrl({ ...validParams(), state: '"><script>x</script>' }));
    const html = await response.text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>x');
    expect(html).toContain(
      'Sign in as &lt;img src=x onerror=alert(1)&gt; O&#39;Hara &amp; &quot;Co&quot;',
    );
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    server.db.prepare(`DELETE FROM accounts WHERE id = 'x-escape'`).run();
  });

  it.each([
    ['an unknown client', { client_id: 'someone-else' }],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/callback' }],
    ['a response_type other than code', { response_type: 'token' }],
    ['a missing redirect_uri', { redirect_uri: '' }],
  ])('answers %s with an error page and no redirect', async (_label, overrides) => {
    const response = await fetch(authorizeUrl({ ...validParams(), ...overrides }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<h1>Sign-in error</h1>');
    expect(html).not.toContain('Sign in as');
  });

  it('refuses a posted choice whose redirect_uri is not registered, without redirecting', async () => {
    const page = await fetch(authorizeUrl(validParams()));
    const form = authorizeFormFor(await page.text(), 'Avery Stone');
    const response = await fetch(new URL(form.action, page.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...form.fields,
        redirect_uri: 'https://evil.example/cb',
      }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('authorization code flow', () => {
  it('redirects with a code and the state, and the code buys tokens for the chosen user', async () => {
    const location = await authorizeCode('Avery Stone', 'my state/&?');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('my state/&?');
    const code = location.searchParams.get('code') ?? '';
    expect(code.length).toBeGreaterThanOrEqual(32);

    const { status, json } = await exchange(code);
    expect(status).toBe(200);
    expect(json).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 86400,
    });
    const account = await myAccount(json.access_token as string);
    expect(account.status).toBe(200);
    expect(account.json.D.Results).toEqual([
      expect.objectContaining({ Name: 'Avery Stone', Role: 'Private' }),
    ]);
  });

  it('accepts a code once only', async () => {
    const code = (await authorizeCode('Jordan Lee')).searchParams.get('code') ?? '';
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again).toEqual({
      status: 400,
      json: { error: 'invalid_grant', error_description: expect.any(String) },
    });
  });

  it('refuses an expired code', async () => {
    const accountId = (
      server.db.prepare(`SELECT id FROM accounts WHERE name = 'Avery Stone'`).get() as {
        id: string;
      }
    ).id;
    server.db
      .prepare(
        `INSERT INTO oauth_codes (code_hash, client_id, redirect_uri, account_id, expires_at, used)
         VALUES (token_hash('expired-code'), ?, ?, ?, ?, 0)`,
      )
      .run(DEMO_CLIENT_ID, redirectUri, accountId, Date.now() - 1000);
    expect((await exchange('expired-code')).json.error).toBe('invalid_grant');
  });

  it('refuses a wrong redirect_uri, a wrong secret, a bad grant_type and a bad body', async () => {
    const code = (await authorizeCode('Avery Stone')).searchParams.get('code') ?? '';
    expect(await exchange(code, { redirect_uri: `${redirectUri}x` })).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant' },
    });
    expect(await exchange(code, { client_secret: 'wrong' })).toMatchObject({
      status: 401,
      json: { error: 'invalid_client' },
    });
    expect(await exchange(code, { grant_type: 'password' })).toMatchObject({
      status: 400,
      json: { error: 'unsupported_grant_type' },
    });
    expect(await grant({ client_id: DEMO_CLIENT_ID })).toMatchObject({
      status: 400,
      json: { error: 'invalid_request' },
    });
    const notJson = await fetch(`${server.url}/spark/v1/oauth2/grant`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The request body is not valid JSON.',
    });
    // None of the refusals used up the code.
    expect((await exchange(code)).status).toBe(200);
  });

  it('names the cause of a refusal made before the grant is read', async () => {
    const code = (await authorizeCode('Avery Stone')).searchParams.get('code') ?? '';
    const body = JSON.stringify({
      client_id: DEMO_CLIENT_ID,
      client_secret: DEMO_CLIENT_SECRET,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    });
    const send = async (headers: Record<string, string>, sent = body) => {
      const response = await fetch(`${server.url}/spark/v1/oauth2/grant`, {
        method: 'POST',
        headers,
        body: sent,
      });
      return { status: response.status, json: await response.json() };
    };
    expect(await send({ 'Content-Type': 'application/json' })).toEqual({
      status: 400,
      json: {
        error: 'invalid_request',
        error_description: 'The X-SparkApi-User-Agent header is required.',
      },
    });
    expect(
      await send({ 'Content-Type': 'text/xml', 'X-SparkApi-User-Agent': APP_USER_AGENT }, '<a/>'),
    ).toEqual({
      status: 400,
      json: {
        error: 'invalid_request',
        error_description:
          'The request body must be sent as application/json or application/x-www-form-urlencoded.',
      },
    });
    const large = await send(
      { 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT },
      JSON.stringify({ padding: 'x'.repeat(70 * 1024) }),
    );
    expect(large).toEqual({
      status: 413,
      json: { error: 'invalid_request', error_description: 'The request body is too large.' },
    });
    // The same code, sent properly, still works: nothing above read it.
    expect(
      await send({ 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT }),
    ).toMatchObject({ status: 200 });
  });
});

describe('refresh', () => {
  it('issues a new pair and kills the old access and refresh tokens', async () => {
    const code = (await authorizeCode('Avery Stone')).searchParams.get('code') ?? '';
    const first = (await exchange(code)).json;
    const second = await refresh(first.refresh_token as string);
    expect(second.status).toBe(200);
    expect(second.json.access_token).not.toBe(first.access_token);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);

    expect((await myAccount(second.json.access_token as string)).status).toBe(200);
    const old = await myAccount(first.access_token as string);
    expect(old.status).toBe(401);
    expect(old.json.D).toMatchObject({ Success: false, Code: 1000 });
    expect((await refresh(first.refresh_token as string)).json.error).toBe('invalid_grant');
  });
});

describe('revocation (/v1/oauth2/revoke, RFC 7009)', () => {
  const revoke = async (body: Record<string, string>, contentType = 'application/json') => {
    const response = await fetch(`${server.url}/spark/v1/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'X-SparkApi-User-Agent': APP_USER_AGENT },
      body:
        contentType === 'application/json'
          ? JSON.stringify(body)
          : new URLSearchParams(body).toString(),
    });
    return { status: response.status, text: await response.text() };
  };
  const byClient = (token: string) => ({
    client_id: DEMO_CLIENT_ID,
    client_secret: DEMO_CLIENT_SECRET,
    token,
  });
  const freshPair = async () => {
    const code = (await authorizeCode('Jordan Lee')).searchParams.get('code') ?? '';
    const { json } = await exchange(code);
    return { access: json.access_token as string, refresh: json.refresh_token as string };
  };

  it.each(['access', 'refresh'] as const)(
    'ends both tokens of a pair when given its %s token',
    async (which) => {
      const pair = await freshPair();
      expect((await myAccount(pair.access)).status).toBe(200);
      expect(await revoke(byClient(pair[which]))).toEqual({ status: 200, text: '' });
      expect((await myAccount(pair.access)).json.D).toMatchObject({ Success: false, Code: 1000 });
      expect((await refresh(pair.refresh)).json.error).toBe('invalid_grant');
    },
  );

  it('takes a form body too, and answers 200 for a token it does not know (§2.2)', async () => {
    const pair = await freshPair();
    const form = 'application/x-www-form-urlencoded';
    expect((await revoke(byClient(pair.access), form)).status).toBe(200);
    expect((await myAccount(pair.access)).status).toBe(401);
    expect((await revoke(byClient('never-issued'))).status).toBe(200);
    expect((await revoke(byClient(pair.access))).status).toBe(200);
  });

  it('refuses a wrong client, another client’s token and a missing token, ending nothing', async () => {
    const pair = await freshPair();
    const wrongSecret = await revoke({ ...byClient(pair.access), client_secret: 'guess' });
    expect(wrongSecret.status).toBe(401);
    expect(JSON.parse(wrongSecret.text)).toMatchObject({ error: 'invalid_client' });
    // The documented demo tokens were issued to no client: nobody can end them for everyone.
    const demo = await revoke(byClient('demo-private'));
    expect(demo.status).toBe(400);
    expect(JSON.parse(demo.text)).toMatchObject({ error: 'unauthorized_client' });
    const missing = await revoke({ client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toMatchObject({ error: 'invalid_request' });
    expect((await myAccount(pair.access)).status).toBe(200);
    expect((await myAccount('demo-private')).status).toBe(200);
    const get = await fetch(`${server.url}/spark/v1/oauth2/revoke`, {
      headers: { 'X-SparkApi-User-Agent': APP_USER_AGENT },
    });
    expect(get.status).toBe(405);
  });
});
