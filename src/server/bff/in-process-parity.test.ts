import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT } from '../config.js';
import type { InProcessRequest } from '../spark/in-process.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { sessionIdOf, signIn } from '../testing/sign-in.js';

/** What a client can compare of two answers: status, the Spark body, and the headers relayed. */
interface Seen {
  status: number;
  body: unknown;
  contentType: string | null;
  allow: string | null;
  retryAfter: string | null;
}

const RATE_LIMIT = 100;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SPARK_RATE_LIMIT: String(RATE_LIMIT) });
});
afterAll(() => server?.dispose());

async function seen(response: Response): Promise<Seen> {
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : JSON.parse(text),
    contentType: response.headers.get('content-type'),
    allow: response.headers.get('allow'),
    retryAfter: response.headers.get('retry-after'),
  };
}

async function signedIn(name: string) {
  const cookie = await signIn(server, name);
  const session = await server.sessions.get(sessionIdOf(cookie));
  return { cookie, token: session?.tokens.accessToken ?? '' };
}

interface Sent {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** The app's request through `/api` (in-process to the emulator). */
function viaApi(cookie: string, path: string, sent: Sent = {}) {
  const write = sent.method && sent.method !== 'GET';
  return fetch(`${server.url}/api${path}`, {
    method: sent.method ?? 'GET',
    headers: {
      Cookie: cookie,
      ...(write
        ? { Origin: server.config.publicUrl, 'X-Requested-With': 'PortalGroupsAdmin' }
        : {}),
      ...(sent.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: sent.body,
  }).then(seen);
}

/** The request the sign-in server makes for it, as a client makes it over HTTP. */
const sparkHeaders = (token: string, sent: Sent = {}) => ({
  Accept: 'application/json',
  Authorization: `OAuth ${token}`,
  'X-SparkApi-User-Agent': APP_USER_AGENT,
  ...(sent.body === undefined ? {} : { 'Content-Type': 'application/json' }),
  ...sent.headers,
});

function overHttp(headers: Record<string, string>, path: string, sent: Sent = {}) {
  return fetch(`${server.url}/spark${path}`, {
    method: sent.method ?? 'GET',
    headers,
    body: sent.body,
  }).then(seen);
}

/** Straight into the emulator's in-process entry, as the sign-in server calls it. */
async function inProcess(headers: Record<string, string>, path: string, sent: Sent = {}) {
  const request: InProcessRequest = {
    method: sent.method ?? 'GET',
    pathAndQuery: path,
    headers,
    ...(sent.body === undefined ? {} : { body: sent.body }),
  };
  const answer = await server.emulator.dispatch?.(request);
  if (!answer) throw new Error(`${request.method} ${path} was not taken in-process`);
  const text = answer.bytes.toString('utf8');
  return {
    status: answer.status,
    body: text === '' ? undefined : JSON.parse(text),
    contentType: answer.headers['content-type'] ?? null,
    allow: answer.headers.allow ?? null,
    retryAfter: answer.headers['retry-after'] ?? null,
  };
}

const NO_SUCH_GROUP = '20000000000000000000000000';

describe('a request through /api and the same request straight to the emulator', () => {
  let avery: { cookie: string; token: string };
  let groupId = '';
  beforeAll(async () => {
    avery = await signedIn('Avery Stone');
    const list = await overHttp(sparkHeaders(avery.token), '/v1/portal/groups?_limit=1');
    groupId = (list.body as { D: { Results: { Id: string }[] } }).D.Results[0]?.Id ?? '';
  });

  // Which requests the in-process adapter takes is Fastify's router's answer (find-my-way over
  // the same table and options); what is left to check is that its gate, body parsing,
  // serialisation and errors answer as the HTTP adapter's do.
  it('answers reads, writes and refusals alike', async () => {
    const group = `/v1/portal/groups/${groupId}`;
    const put = (body: string): Sent => ({ method: 'PUT', body });
    const requests: [string, Sent][] = [
      ['/v1/portal/groups?_limit=3&_pagination=1', {}],
      [`${group}/?_select=Tags`, {}],
      [`/v1/portal/groups/%3${groupId.slice(0, 1)}${groupId.slice(1)}`, {}],
      [`/v1/contacts?_limit=5&_filter=${encodeURIComponent("DisplayName Eq '*an*'")}`, {}],
      ['/v1/portal/groups?_limit=2&_limit=3', {}],
      [`/v1/portal/groups/${NO_SUCH_GROUP}`, {}],
      ['/v1/portal/groups/123', {}],
      ['/v1/portal/groups', { method: 'DELETE' }],
      [group, put(JSON.stringify({ D: { Tags: ['Favorites'] } }))],
      [group, put(JSON.stringify({ D: { Tags: ['Nope'] } }))],
      [group, put('{"D":')],
      [group, put('[]')],
      [group, put(JSON.stringify({ D: { Tags: [] } }))],
      [`${group}/users/${NO_SUCH_GROUP}`, { method: 'DELETE' }],
    ];
    const statuses = [];
    for (const [path, sent] of requests) {
      const api = await viaApi(avery.cookie, path, sent);
      expect(api, `${sent.method ?? 'GET'} ${path}`).toEqual(
        await overHttp(sparkHeaders(avery.token, sent), path, sent),
      );
      statuses.push(api.status);
    }
    expect(statuses).toEqual([
      200, 200, 200, 200, 400, 404, 404, 405, 200, 400, 400, 400, 200, 404,
    ]);
  });

  it('takes the table’s requests in-process, refusing them as the gate does over HTTP', async () => {
    const group = `/v1/portal/groups/${groupId}`;
    const override = { method: 'POST', headers: { 'X-HTTP-Method-Override': 'PUT' } };
    const cases: [Record<string, string>, string, Sent][] = [
      [sparkHeaders(avery.token), `${group}/`, {}],
      [sparkHeaders('not-a-token'), group, {}],
      [{ Accept: 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT }, group, {}],
      [{ Accept: 'application/json', Authorization: `OAuth ${avery.token}` }, group, {}],
      [sparkHeaders(avery.token, { headers: { 'X-SparkApi-User-Agent': '  ' } }), group, {}],
      [sparkHeaders(avery.token, override), group, override],
    ];
    const codes = [];
    for (const [headers, path, sent] of cases) {
      const direct = await overHttp(headers, path, sent);
      expect(await inProcess(headers, path, sent)).toEqual(direct);
      codes.push((direct.body as { D: { Code?: number } }).D.Code);
    }
    expect(codes).toEqual([undefined, 1000, 1000, 1016, 1016, 1053]);
  });
});

describe('the rate limit', () => {
  it('counts in-process calls against the token like HTTP ones, and refuses both alike', async () => {
    const second = await signedIn('Avery Stone');
    const path = '/v1/portal/groups?_limit=1';
    const throughApi = RATE_LIMIT - 5;
    for (let i = 0; i < throughApi; i++) {
      expect((await viaApi(second.cookie, path)).status).toBe(200);
    }
    // Without the in-process calls counted, ~RATE_LIMIT direct calls would get through.
    let direct = await overHttp(sparkHeaders(second.token), path);
    let directOk = 0;
    while (direct.status === 200 && directOk < RATE_LIMIT) {
      directOk++;
      direct = await overHttp(sparkHeaders(second.token), path);
    }
    expect(directOk).toBeLessThanOrEqual(RATE_LIMIT - throughApi);
    expect(direct.status).toBe(429);
    expect(direct.body).toMatchObject({ D: { Success: false, Code: 1550 } });

    const api = await viaApi(second.cookie, path);
    expect({ ...api, retryAfter: null }).toEqual({ ...direct, retryAfter: null });
    expect(Number(api.retryAfter)).toBeGreaterThan(0);
    expect(Math.abs(Number(api.retryAfter) - Number(direct.retryAfter))).toBeLessThanOrEqual(1);
  });
});
