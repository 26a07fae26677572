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

  const same = async (path: string, sent: Sent = {}) => {
    const api = await viaApi(avery.cookie, path, sent);
    const direct = await overHttp(sparkHeaders(avery.token, sent), path, sent);
    expect(api).toEqual(direct);
    return api;
  };

  it('answer reads alike: list pages, one group, contacts search, the account', async () => {
    const page = await same('/v1/portal/groups?_limit=3&_pagination=1');
    expect(page).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8' });
    expect(page.body).toMatchObject({ D: { Success: true, Pagination: { PageSize: 3 } } });
    expect((await same(`/v1/portal/groups/${groupId}?_select=Tags`)).status).toBe(200);
    const search = encodeURIComponent("DisplayName Eq '*an*'");
    expect((await same(`/v1/contacts?_limit=5&_filter=${search}`)).status).toBe(200);
    expect((await same('/v1/my/account')).body).toMatchObject({
      D: { Results: [{ Name: 'Avery Stone' }] },
    });
  });

  it('refuse alike: bad query, unknown or malformed Id, unknown attribute, wrong method', async () => {
    expect((await same('/v1/portal/groups?_limit=0')).body).toMatchObject({ D: { Code: 1053 } });
    expect((await same('/v1/portal/groups?_limit=abc&_page=2')).status).toBe(400);
    expect((await same('/v1/portal/groups?_limit=2&_limit=3')).status).toBe(400);
    expect((await same("/v1/portal/groups?_filter=Name Eq 'x")).status).toBe(400);
    expect((await same(`/v1/portal/groups/${NO_SUCH_GROUP}`)).body).toMatchObject({
      D: { Code: 404, Message: 'Portal group not found.' },
    });
    expect((await same('/v1/portal/groups/123')).body).toMatchObject({
      D: { Code: 404, Message: 'Resource not found.' },
    });
    expect((await same(`/v1/portal/groups/${groupId}?_select=Nope`)).status).toBe(400);
    const refused = await same('/v1/portal/groups', { method: 'DELETE' });
    expect(refused).toMatchObject({ status: 405, allow: 'GET' });
  });

  it('write alike, and refuse bad bodies alike', async () => {
    const path = `/v1/portal/groups/${groupId}`;
    const tags = (list: string[]) => ({
      method: 'PUT',
      body: JSON.stringify({ D: { Tags: list } }),
    });
    expect((await same(path, tags(['Favorites']))).body).toEqual({ D: { Success: true } });
    expect((await same(path, tags([]))).status).toBe(200);
    expect((await same(path, tags(['Nope']))).body).toMatchObject({ D: { Code: 1053 } });
    expect((await same(path, { method: 'PUT', body: '{"D":' })).body).toMatchObject({
      D: { Code: 1035 },
    });
    expect((await same(path, { method: 'PUT', body: '[]' })).status).toBe(400);
    const unknownUser = {
      method: 'POST',
      body: JSON.stringify({ D: { Users: [{ Id: NO_SUCH_GROUP }] } }),
    };
    expect((await same(path, unknownUser)).body).toMatchObject({ D: { Code: 1053 } });
    expect((await same(`${path}/users/${NO_SUCH_GROUP}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('takes the app’s writes in-process, answering as over HTTP', async () => {
    const path = `/v1/portal/groups/${groupId}`;
    const put = (body: string) => ({ method: 'PUT', body });
    const writes: [string, Sent][] = [
      [path, put(JSON.stringify({ D: { Tags: ['Favorites'] } }))],
      [path, put(JSON.stringify({ D: { Tags: ['Nope'] } }))],
      [path, put('{"D":')],
      [path, put(JSON.stringify({ D: { Tags: [] } }))],
      [path, { method: 'POST', body: JSON.stringify({ D: { Users: [{ Id: NO_SUCH_GROUP }] } }) }],
      [`${path}/users/${NO_SUCH_GROUP}`, { method: 'DELETE' }],
    ];
    const statuses = [];
    for (const [target, sent] of writes) {
      const inside = await inProcess(sparkHeaders(avery.token, sent), target, sent);
      expect(inside).toEqual(await overHttp(sparkHeaders(avery.token, sent), target, sent));
      statuses.push(inside.status);
    }
    expect(statuses).toEqual([200, 400, 400, 200, 400, 404]);
  });

  it('refuse a bad token, a missing user agent and a method override alike in-process', async () => {
    const path = '/v1/portal/groups?_limit=2';
    const cases: Record<string, string>[] = [
      sparkHeaders('not-a-token'),
      { Accept: 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT },
      { Accept: 'application/json', Authorization: `OAuth ${avery.token}` },
      sparkHeaders(avery.token, { headers: { 'X-SparkApi-User-Agent': '  ' } }),
    ];
    const codes = [];
    for (const headers of cases) {
      const direct = await overHttp(headers, path);
      expect(await inProcess(headers, path)).toEqual(direct);
      codes.push((direct.body as { D: { Code: number } }).D.Code);
    }
    expect(codes).toEqual([1000, 1000, 1016, 1016]);
    const override = { method: 'POST', headers: { 'X-HTTP-Method-Override': 'PUT' } };
    const group = `/v1/portal/groups/${groupId}`;
    const overridden = await overHttp(sparkHeaders(avery.token, override), group, override);
    expect(await inProcess(sparkHeaders(avery.token, override), group, override)).toEqual(
      overridden,
    );
    expect(overridden.status).toBe(400);
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

describe('an expired token', () => {
  let expiring: TestServer;
  beforeAll(async () => {
    expiring = await startTestServer({ SPARK_TOKEN_LIFETIME: '2' });
  });
  afterAll(() => expiring?.dispose());

  it('is refused 401/1020 alike in-process and over HTTP', async () => {
    const cookie = await signIn(expiring, 'Avery Stone');
    const session = await expiring.sessions.get(sessionIdOf(cookie));
    const headers = sparkHeaders(session?.tokens.accessToken ?? '');
    const path = '/v1/portal/groups?_limit=1';
    const direct = () => fetch(`${expiring.url}/spark${path}`, { headers }).then(seen);
    await expect.poll(async () => (await direct()).status, { timeout: 10_000 }).toBe(401);
    const answer = await expiring.emulator.dispatch?.({
      method: 'GET',
      pathAndQuery: path,
      headers,
    });
    const expected = await direct();
    expect(expected.body).toMatchObject({ D: { Code: 1020 } });
    expect(answer?.status).toBe(expected.status);
    expect(JSON.parse(answer?.bytes.toString('utf8') ?? '')).toEqual(expected.body);
  });
});
