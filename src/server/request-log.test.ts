import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_SECRET } from './config.js';
import { startSeparateSpark, type SeparateSpark } from './testing/separate-spark.js';
import { startTestServer, type TestServer } from './testing/test-server.js';
import { chooseAccount, cookieSetBy, sessionIdOf, signIn } from './testing/sign-in.js';

const SESSION_SECRET = 'log-test-session-secret-0123456789abcdef';
const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  method?: string;
  route?: string | null;
  path?: string;
  status?: number;
  ms?: number;
  sparkRequestId?: string;
}

let spark: SeparateSpark;
let app: TestServer;
let logged = '';

beforeAll(async () => {
  spark = await startSeparateSpark({ requestIds: true });
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
  app = await startTestServer({ ...spark.env, SESSION_SECRET }, undefined, {
    logger: { stream },
  });
  spark.allowApp(app.config.publicUrl);
});
afterAll(async () => {
  await app?.dispose();
  await spark?.dispose();
});

const lines = () =>
  logged
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);

/** The log as text, with any bytes it holds (`{"type":"Buffer","data":[...]}`) decoded. */
function readable(log: string): string {
  const decoded: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every((n) => typeof n === 'number')) {
        decoded.push(Buffer.from(value as number[]).toString('latin1'));
      } else value.forEach(visit);
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const line of log.split('\n').filter(Boolean)) visit(JSON.parse(line));
  return `${log}\n${decoded.join('\n')}`;
}

describe('the request log', () => {
  it('has one JSON line per request and never a secret it saw', async () => {
    const login = await fetch(`${app.url}/auth/login?returnTo=%2Fgroups`, { redirect: 'manual' });
    const signInCookie = cookieSetBy(login, 'pga_signin') ?? '';
    const authorizeUrl = new URL(login.headers.get('location') ?? '');
    const chosen = await chooseAccount(authorizeUrl, 'Avery Stone');
    const callbackUrl = new URL(chosen.headers.get('location') ?? '');
    const callback = await fetch(callbackUrl, {
      headers: { Cookie: signInCookie },
      redirect: 'manual',
    });
    const cookie = cookieSetBy(callback) ?? '';
    expect(cookie).toMatch(/^pga_session=.+/);
    const stored = (await app.sessions.get(sessionIdOf(cookie)))?.tokens;
    const headers = { Cookie: cookie, Authorization: 'OAuth browser-sent-secret', ...APP_HEADERS };
    const account = await fetch(`${app.url}/api/v1/my/account`, { headers });
    expect(account.status).toBe(200);
    const sparkId = account.headers.get('x-request-id');
    expect(sparkId).toMatch(/^spark-\d+$/);
    const replay = await fetch(callbackUrl, {
      headers: { Cookie: signInCookie },
      redirect: 'manual',
    });
    expect(replay.headers.get('location')).toBe('/signed-out?error=state');
    await fetch(`${app.url}/auth/logout`, { method: 'POST', headers });

    const secrets = [
      stored?.accessToken ?? '',
      stored?.refreshToken ?? '',
      callbackUrl.searchParams.get('code') ?? '',
      callbackUrl.searchParams.get('state') ?? '',
      decodeURIComponent(signInCookie.split('=')[1] ?? ''),
      decodeURIComponent(cookie.split('=')[1] ?? ''),
      signInCookie.split('=')[1] ?? '',
      cookie.split('=')[1] ?? '',
      'browser-sent-secret',
      DEMO_CLIENT_SECRET,
      SESSION_SECRET,
    ];
    expect(secrets.filter((s) => s.length >= 8)).toHaveLength(secrets.length);
    for (const secret of secrets) expect(logged).not.toContain(secret);

    const requests = lines().filter((line) => line.msg === 'request');
    expect(requests.map((line) => `${line.method} ${line.path} ${line.status}`)).toEqual([
      'GET /auth/login 302',
      'GET /auth/callback 302',
      'GET /api/v1/my/account 200',
      'GET /auth/callback 302',
      'POST /auth/logout 204',
    ]);
    const proxied = requests[2];
    expect(proxied).toMatchObject({
      route: '/api/v1/*',
      sparkRequestId: sparkId,
      reqId: expect.stringMatching(/^[\w-]{8,}$/),
      ms: expect.any(Number),
    });
    expect(new Set(requests.map((line) => line.reqId)).size).toBe(requests.length);
  });

  it('has one line for a request the embedded emulator answered in-process', async () => {
    let embeddedLog = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (embeddedLog += chunk.toString('utf8')));
    const embedded = await startTestServer({}, undefined, { logger: { stream } });
    try {
      const cookie = await signIn(embedded, 'Avery Stone');
      embeddedLog = '';
      const answer = await fetch(`${embedded.url}/api/v1/my/account`, {
        headers: { Cookie: cookie },
      });
      expect(answer.status).toBe(200);
      await expect
        .poll(() => embeddedLog.split('\n').filter((line) => line.includes('"request"')))
        .toHaveLength(1);
      expect(embeddedLog).toContain('"path":"/api/v1/my/account"');
      expect(embeddedLog).not.toContain('"path":"/spark/');
    } finally {
      await embedded.dispose();
    }
  });

  it('follows LOG_LEVEL', async () => {
    let quiet = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (quiet += chunk.toString('utf8')));
    const server = await startTestServer({ LOG_LEVEL: 'warn' }, undefined, { logger: { stream } });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/my/account`)).status).toBe(401);
    } finally {
      await server.dispose();
    }
    expect(quiet).toBe('');
  });

  it('keeps secrets out at every level, unparseable requests included', async () => {
    let traced = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (traced += chunk.toString('utf8')));
    const server = await startTestServer({ LOG_LEVEL: 'trace' }, undefined, { logger: { stream } });
    try {
      const cookie = await signIn(server, 'Avery Stone');
      const sessionValue = decodeURIComponent(cookie.split('=')[1] ?? '');
      const account = await fetch(`${server.url}/api/v1/my/account`, {
        headers: { Cookie: cookie },
      });
      expect(account.status).toBe(200);
      const { port } = new URL(server.url);
      const raw = (head: string) =>
        new Promise<string>((resolve) => {
          const socket = connect(Number(port), '127.0.0.1');
          let answer = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => (answer += chunk));
          socket.on('error', () => undefined);
          socket.on('close', () => resolve(answer));
          socket.write(head);
        });
      const padding = 'p'.repeat(20 * 1024);
      const longUrl = await raw(
        `GET /api/v1/my/account?q=${padding} HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n\r\n`,
      );
      const longCookie = await raw(
        `GET /auth/session HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}; pad=${padding}\r\n\r\n`,
      );
      const garbled = await raw(
        `GET /auth/session HTTP/1.1\r\nCookie: ${cookie}\r\nBad Header\r\n\r\n`,
      );
      expect([longUrl, longCookie, garbled].map((answer) => answer.slice(0, 12))).toEqual([
        'HTTP/1.1 431',
        'HTTP/1.1 431',
        'HTTP/1.1 400',
      ]);
      await expect.poll(() => traced.match(/"msg":"client /g)?.length ?? 0).toBe(3);
      const stored = (await server.sessions.get(sessionIdOf(cookie)))?.tokens;
      const tokens = [stored?.accessToken ?? '', stored?.refreshToken ?? ''];
      const revealed = readable(traced);
      for (const secret of [sessionValue, cookie.split('=')[1] ?? '', ...tokens]) {
        expect(secret.length).toBeGreaterThan(20);
        expect(revealed).not.toContain(secret);
      }
      expect(revealed).not.toContain(padding.slice(0, 100));
    } finally {
      await server.dispose();
    }
  });
});
