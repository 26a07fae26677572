import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { sessionIdOf, signIn } from '../testing/sign-in.js';

const INDEX_HTML = '<!doctype html><html><body><div id="root">the app</div></body></html>';
const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };
const SPARK_HEADERS = {
  'X-SparkApi-User-Agent': 'security-test',
  Authorization: 'OAuth demo-private',
};

let server: TestServer;
let avery: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pga-security-'));
  mkdirSync(join(dir, 'no-static', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'no-static', 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'no-static', 'assets', 'x.js'), 'console.log("x");');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static root');
  server = await startTestServer({}, dir);
  avery = await signIn(server, 'Avery Stone');
});
afterAll(() => server?.dispose());

/** A raw GET, path sent exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}/`, { path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .flatMap(([name, ...values]) => (name ? [[name.toLowerCase(), values] as const] : [])),
  );
}

function expectSecurityHeaders(response: Response, label: string) {
  const csp = response.headers.get('content-security-policy');
  expect(csp, `${label}: CSP`).toBeTruthy();
  const policy = directives(csp ?? '');
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts.length, `${label}: script sources`).toBeGreaterThan(0);
  expect(
    scripts.every((source) => source === "'self'" || source === "'none'"),
    `${label}: scripts only from 'self' (${scripts.join(' ')})`,
  ).toBe(true);
  expect(policy.get('script-src-attr') ?? ["'none'"], `${label}: script-src-attr`).not.toContain(
    "'unsafe-inline'",
  );
  expect(policy.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(policy.get('object-src') ?? policy.get('default-src'), `${label}: object-src`).toEqual([
    "'none'",
  ]);
  expect(response.headers.get('x-content-type-options'), `${label}: nosniff`).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), `${label}: Referrer-Policy`).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  expect(response.headers.get('x-powered-by'), `${label}: no X-Powered-By`).toBeNull();
}

describe('security headers', () => {
  const cases: [string, string, RequestInit?][] = [
    ['the app at /', '/'],
    ['a deep link', '/groups/20261127093015123456000001'],
    ['the new-group page', '/groups/new?owner=x'],
    ['/auth/session signed out', '/auth/session'],
    ['/auth/login', '/auth/login'],
    ['/auth/callback without state', '/auth/callback'],
    ['/api signed out', '/api/v1/portal/groups'],
    ['/api signed in', '/api/v1/portal/groups'],
    ['/api unknown path', '/api/nowhere'],
    ['/api write refused', '/api/v1/portal/groups/1', { method: 'DELETE' }],
    ['/spark read', '/spark/v1/my/account'],
    ['/spark without a token', '/spark/v1/portal/groups'],
    ['/spark authorize page', '/spark/oauth2?response_type=code&client_id=x&redirect_uri=y'],
    ['a malformed path', '/api/v1/portal/groups/%E0%A4%A'],
    ['an over-long id', `/spark/v1/portal/groups/${'1'.repeat(300)}`],
  ];

  it.each(cases)('are on %s', async (label, path, init = {}) => {
    const headers: Record<string, string> = {};
    if (label === '/api signed in') headers.Cookie = avery;
    if (label === '/spark read') Object.assign(headers, SPARK_HEADERS);
    const response = await fetch(`${server.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers,
    });
    await response.arrayBuffer();
    expectSecurityHeaders(response, label);
  });
});

describe('security headers of the built scripts and styles', () => {
  // CSP, framing, opener and referrer headers govern documents; nothing under /assets is one.
  it.each([
    ['an asset', '/assets/x.js'],
    ['a missing asset', '/assets/missing.js'],
  ])('%s has nosniff and Cross-Origin-Resource-Policy', async (_label, path) => {
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('content-type')).not.toMatch(/html/);
  });
});

describe('static serving', () => {
  it.each(['/', '/groups', '/groups/20261127093015123456000001', '/groups/new', '/signed-out'])(
    '%s answers the app with 200',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toBe(INDEX_HTML);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('serves assets as JavaScript, and a missing one is a 404 that is not the app', async () => {
    const asset = await fetch(`${server.url}/assets/x.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("x");');

    for (const path of ['/assets/missing.js', '/assets/deep/missing.css', '/missing.js']) {
      const missing = await fetch(`${server.url}${path}`);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get('content-type'), path).not.toMatch(/html/);
      expect(await missing.text(), path).not.toContain('the app');
    }
  });

  it('never serves a file from outside its folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
    ]) {
      const { body } = await rawGet(path);
      expect(body, path).not.toContain('outside the static root');
    }
  });

  it('does not answer a write to an app page with the app', async () => {
    const response = await fetch(`${server.url}/groups`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('the app');
  });
});

describe('cross-origin use of the API', () => {
  it('grants no CORS access to another origin, on reads or preflights', async () => {
    const read = await fetch(`${server.url}/api/v1/portal/groups`, {
      headers: { Cookie: avery, Origin: 'https://evil.example' },
    });
    await read.arrayBuffer();
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = await fetch(`${server.url}/api/v1/portal/groups/1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'x-requested-with',
      },
    });
    await preflight.arrayBuffer();
    expect(preflight.ok).toBe(false);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  /** Every row a write through the API could touch. */
  function snapshot() {
    const tables = [
      'contacts',
      'portal_accounts',
      'portal_groups',
      'portal_group_members',
      'current_groups',
    ];
    return Object.fromEntries(
      tables.map((table) => [
        table,
        server.db
          .prepare(`SELECT * FROM ${table}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  }

  async function sparkGet<T>(path: string): Promise<T[]> {
    const response = await fetch(`${server.url}/spark/v1${path}`, { headers: SPARK_HEADERS });
    const body = (await response.json()) as { D: { Results: T[] } };
    return body.D.Results;
  }

  it('refuses every kind of cross-site write and the database does not change', async () => {
    const groups = await sparkGet<{ Id: string; ContactId: string; Users: { Id: string }[] }>(
      '/portal/groups?_limit=25',
    );
    const group = groups.find((candidate) => candidate.Users.length > 1);
    const member = group?.Users.find((user) => user.Id !== group.ContactId);
    const [outsider] = await sparkGet<{ Id: string }>('/contacts?_limit=25&_orderby=-DisplayName');
    if (!group || !member || !outsider) throw new Error('the demo data has no group with members');
    const writes: [string, string, unknown?][] = [
      ['POST', `/portal/groups/${group.Id}`, { Users: [{ Id: outsider.Id }] }],
      ['PUT', `/portal/groups/${group.Id}`, { Users: [], Tags: ['Favorites'] }],
      ['DELETE', `/portal/groups/${group.Id}/users/${member.Id}`],
      ['DELETE', `/portal/groups/${group.Id}`],
      ['POST', '/contacts', { GivenName: 'Mallory', FamilyName: 'Forged' }],
      ['PUT', `/contacts/${member.Id}/portal`, { Enabled: false }],
    ];
    const forgeries: [string, Record<string, string>][] = [
      // A cross-site HTML form: no custom header, a "simple" content type.
      [
        'form post',
        { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      ],
      ['text/plain fetch', { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }],
      ['header but foreign origin', { ...APP_HEADERS, Origin: 'https://evil.example' }],
      ['header but sandboxed origin', { ...APP_HEADERS, Origin: 'null' }],
      ['header but sibling port', { ...APP_HEADERS, Origin: 'http://127.0.0.1:1' }],
      ['no header, no origin', { 'Content-Type': 'application/json' }],
    ];

    const before = snapshot();
    for (const [method, path, body] of writes) {
      for (const [label, headers] of forgeries) {
        const response = await fetch(`${server.url}/api/v1${path}`, {
          method,
          headers: { Cookie: avery, ...headers },
          body: body === undefined ? undefined : JSON.stringify({ D: body }),
        });
        expect(response.status, `${method} ${path} as ${label}`).toBe(403);
        expect(await response.json()).toEqual({
          D: { Success: false, Code: 1500, Message: 'Cross-origin request refused' },
        });
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses a cross-site sign-out and keeps the session row', async () => {
    const cookie = await signIn(server, 'Jordan Lee');
    const sessionRow = () => server.sessions.get(sessionIdOf(cookie));
    const before = await sessionRow();
    expect(before).toBeTruthy();
    const forgeries: Record<string, string>[] = [
      { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      { ...APP_HEADERS, Origin: 'null' },
    ];
    for (const headers of forgeries) {
      const response = await fetch(`${server.url}/auth/logout`, {
        method: 'POST',
        headers: { Cookie: cookie, ...headers },
        body: 'x=1',
      });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(await sessionRow()).toEqual(before);
  });

  it('offers no sign-out over GET', async () => {
    const cookie = await signIn(server, 'Jordan Lee');
    const response = await fetch(`${server.url}/auth/logout`, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    expect(response.headers.getSetCookie()).toEqual([]);
    const session = await fetch(`${server.url}/auth/session`, { headers: { Cookie: cookie } });
    expect(session.status).toBe(200);
  });
});
