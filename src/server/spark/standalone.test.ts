import { request as httpsRequest } from 'node:https';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, loadConfig } from '../config.js';
import { authorizeFormFor, chooseAccount } from '../testing/sign-in.js';
import { startTestEmulator, type TestEmulator } from '../testing/test-server.js';

const API_HEADERS = { 'X-SparkApi-User-Agent': 'StandaloneTest/1.0' };
const authorized = (token: string) => ({ ...API_HEADERS, Authorization: `OAuth ${token}` });

function authorizeUrl(server: TestEmulator, redirectUri: string) {
  const url = new URL('/oauth2', server.url);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: DEMO_CLIENT_ID,
    redirect_uri: redirectUri,
    state: 'xyz',
  }).toString();
  return url;
}

const grantBody = (code: string, redirectUri: string) =>
  JSON.stringify({
    client_id: DEMO_CLIENT_ID,
    client_secret: DEMO_CLIENT_SECRET,
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
  });

describe('npm run emulator over http: Spark at the host root', () => {
  let server: TestEmulator;
  const otherClient = 'http://127.0.0.1:4999/callback';
  beforeAll(async () => {
    server = await startTestEmulator({ EMULATOR_REDIRECT_URIS: otherClient });
  });
  afterAll(() => server.dispose());

  it('seeds the demo data on first start and answers /v1 at the root', async () => {
    const response = await fetch(`${server.url}/v1/my/account`, {
      headers: authorized('demo-private'),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { D: { Results: { Name: string }[] } };
    expect(body.D.Results[0]?.Name).toBe('Avery Stone');
  });

  it('has no /spark mount', async () => {
    const response = await fetch(`${server.url}/spark/v1/my/account`, {
      headers: authorized('demo-private'),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      D: { Success: false, Code: 404, Message: expect.any(String) },
    });
  });

  it.each([
    ['the app at its default address', 'http://127.0.0.1:3000/auth/callback'],
    ['a client named in EMULATOR_REDIRECT_URIS', otherClient],
  ])(
    'signs %s in through /oauth2 and /v1/oauth2/grant, and the token reads the API',
    async (_who, redirectUri) => {
      const chosen = await chooseAccount(authorizeUrl(server, redirectUri), 'Avery Stone');
      expect(chosen.status).toBe(302);
      const callback = new URL(chosen.headers.get('location') ?? '');
      expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
      expect(callback.searchParams.get('state')).toBe('xyz');

      const grant = await fetch(`${server.url}/v1/oauth2/grant`, {
        method: 'POST',
        headers: { ...API_HEADERS, 'Content-Type': 'application/json' },
        body: grantBody(callback.searchParams.get('code') ?? '', redirectUri),
      });
      expect(grant.status).toBe(200);
      const tokens = (await grant.json()) as { access_token: string; expires_in: number };
      expect(tokens.expires_in).toBe(86_400);
      const groups = await fetch(`${server.url}/v1/portal/groups?_limit=1`, {
        headers: authorized(tokens.access_token),
      });
      expect(groups.status).toBe(200);
    },
  );

  it('the authorize form posts back to /oauth2 at the root', async () => {
    const page = await fetch(authorizeUrl(server, otherClient));
    expect(await page.text()).toContain('<form method="post" action="/oauth2">');
  });

  it('refuses a redirect URI that is not registered, without redirecting', async () => {
    const page = await fetch(authorizeUrl(server, 'http://127.0.0.1:4998/callback'), {
      redirect: 'manual',
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Unknown application or redirect address.');
  });
});

describe('npm run emulator over https', () => {
  let server: TestEmulator;
  let ca: string;
  let logged = '';

  function get(path: string, headers: Record<string, string> = {}, method = 'GET', body = '') {
    type Answer = { status: number; body: string; headers: Record<string, unknown> };
    return new Promise<Answer>((done, fail) => {
      const request = httpsRequest(new URL(path, server.url), { method, headers, ca }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
        );
      });
      request.once('error', fail);
      request.end(body);
    });
  }

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pga-test-'));
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
    });
    ca = pems.cert;
    writeFileSync(join(dir, 'cert.pem'), pems.cert);
    writeFileSync(join(dir, 'key.pem'), pems.private);
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
    server = await startTestEmulator(
      { EMULATOR_TLS_CERT: join(dir, 'cert.pem'), EMULATOR_TLS_KEY: join(dir, 'key.pem') },
      dir,
      { logger: { stream } },
    );
  });

  const logLines = () =>
    logged
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('says https in its start-up line', () => {
    const started = logLines().find((line) => String(line.msg).includes('listening at'));
    expect(started?.msg).toBe(`Spark emulator listening at ${server.url}`);
    expect(logged).not.toContain('http://');
  });

  it('logs one JSON line per request like the app server, and never the token', async () => {
    const response = await get('/v1/my/account?_select=Name', authorized('demo-private'));
    expect(response.status).toBe(200);
    const requestId = String(response.headers['x-request-id']);
    await expect
      .poll(() => logLines().filter((line) => line.reqId === requestId && line.msg === 'request'))
      .toEqual([
        expect.objectContaining({
          method: 'GET',
          route: '/v1/my/account',
          path: '/v1/my/account',
          status: 200,
          ms: expect.any(Number),
        }),
      ]);
    expect(logged).not.toContain('demo-private');
    expect(logged).not.toContain('_select');
  });

  it("has the app server's request and header timeouts", () => {
    const http = server.app.server;
    expect(http.requestTimeout).toBe(server.config.requestTimeoutMs);
    expect(http.headersTimeout).toBe(10_000);
    expect(http.keepAliveTimeout).toBe(5_000);
  });
  afterAll(() => server.dispose());

  it('serves the API over TLS with the given certificate', async () => {
    expect(server.url).toMatch(/^https:\/\//);
    const response = await get('/v1/my/account', authorized('demo-private'));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      D: { Success: true, Results: [{ Name: 'Avery Stone' }] },
    });
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('signs in over https: authorize page, its form, the grant', async () => {
    const redirectUri = 'http://127.0.0.1:3000/auth/callback';
    const page = await get(authorizeUrl(server, redirectUri).toString());
    expect(page.status).toBe(200);
    const form = authorizeFormFor(page.body, 'Avery Stone');
    const chosen = await get(
      form.action,
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      'POST',
      new URLSearchParams(form.fields).toString(),
    );
    expect(chosen.status).toBe(302);
    const callback = new URL(String(chosen.headers.location));
    const grant = await get(
      '/v1/oauth2/grant',
      { ...API_HEADERS, 'Content-Type': 'application/json' },
      'POST',
      grantBody(callback.searchParams.get('code') ?? '', redirectUri),
    );
    expect(grant.status).toBe(200);
    const { access_token } = JSON.parse(grant.body) as { access_token: string };
    expect((await get('/v1/portal/groups', authorized(access_token))).status).toBe(200);
  });

  it('refuses plain http on the https port', async () => {
    const plain = server.url.replace('https:', 'http:');
    await expect(
      fetch(`${plain}/v1/my/account`, { headers: authorized('demo-private') }),
    ).rejects.toThrow();
  });
});

describe('emulator configuration', () => {
  it('takes the TLS certificate and key together or not at all', () => {
    expect(() => loadConfig({ DATABASE_PATH: ':memory:', EMULATOR_TLS_CERT: 'cert.pem' })).toThrow(
      /EMULATOR_TLS_CERT and EMULATOR_TLS_KEY/,
    );
  });

  it('listens on EMULATOR_PORT (3001 by default) and EMULATOR_HOST (HOST by default)', () => {
    expect(loadConfig({ DATABASE_PATH: ':memory:', HOST: '0.0.0.0' }).emulator).toMatchObject({
      port: 3001,
      host: '0.0.0.0',
    });
    expect(
      loadConfig({ DATABASE_PATH: ':memory:', EMULATOR_PORT: '4000', EMULATOR_HOST: '::1' })
        .emulator,
    ).toMatchObject({ port: 4000, host: '::1' });
  });
});
