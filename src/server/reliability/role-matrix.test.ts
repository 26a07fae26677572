import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalGroupRecord as PortalGroup } from '../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { listingIdOf } from '../spark/demo-mls.js';
import { routeTable } from '../spark/routes/table.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import {
  METHODS,
  ROLE_CASES,
  URIS,
  type RoleCase,
  type RoleName,
  type UriName,
} from './role-table.js';
import { oauthFailureProblem, parseJson, sparkFailureProblem } from './spark-answers.js';
import { tableHashes } from './snapshot.js';

const { avery, vow } = DEMO_ACCOUNTS;
const EXPIRED_TOKEN = 'role-matrix-expired';

const TOKENS: Record<RoleName, string | null> = {
  Private: avery.token,
  VOW: vow.token,
  Portal: DEMO_ACCOUNTS.portal.token,
  IDX: DEMO_ACCOUNTS.idx.token,
  Public: DEMO_ACCOUNTS.public.token,
  none: null,
  expired: EXPIRED_TOKEN,
};

let server: TestServer;
let group: PortalGroup;
/** What the VOW consumer's current circle shares (role-table.ts names them). */
let shares: { owner: string; cart: string; held: string; search: string };
/** The rows of what circles share, and who works in which, as the table found them. */
let sharedRows: Record<string, Record<string, unknown>[]>;
const SHARE_TABLES = ['current_groups', 'listing_carts', 'cart_listings', 'saved_searches'];

async function send(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'X-SparkApi-User-Agent': 'RoleMatrix/1.0' };
  if (token) headers.Authorization = `OAuth ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.url}/spark${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

const pathOf = (c: RoleCase) =>
  URIS[c.uri].path
    .replace('{group}', group.Id)
    .replace('{member}', vow.portalAccountId)
    .replace('{contact}', vow.contactId)
    .replace('{listing}', listingIdOf(0))
    .replace('{owner}', shares.owner)
    .replace('{cart}', shares.cart)
    .replace('{held}', shares.held)
    .replace('{search}', shares.search);

/**
 * Puts back the carts, searches and current circles after a write the table lets through (a
 * listing taken out of a cart, a search deleted, the current circle left): the API makes a
 * search anew only under a new Id.
 */
function restoreShares() {
  server.db.transaction(() => {
    for (const table of [...SHARE_TABLES].reverse())
      server.db.prepare(`DELETE FROM ${table}`).run();
    for (const table of SHARE_TABLES) {
      for (const row of sharedRows[table] ?? []) {
        const columns = Object.keys(row);
        server.db
          .prepare(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          )
          .run(...Object.values(row));
      }
    }
  })();
}

/** Puts Avery's group back the way the table found it after a write the table lets through. */
async function restoreGroup() {
  const users = group.Users.map((u) => ({ Id: u.Id }));
  const now = await send('GET', `/v1/portal/groups/${group.Id}`, avery.token);
  if (now.status === 404) {
    expect(
      (await send('POST', `/v1/portal/groups/${group.Id}`, avery.token, { D: { Users: users } }))
        .status,
    ).toBe(201);
  }
  const put = await send('PUT', `/v1/portal/groups/${group.Id}`, avery.token, {
    D: { Users: users, Tags: group.Tags },
  });
  expect(put.status).toBe(200);
  const after = await send('GET', `/v1/portal/groups/${group.Id}`, avery.token);
  expect((after.json as { D: { Results: PortalGroup[] } }).D.Results[0]).toEqual(group);
}

beforeAll(async () => {
  // Every URI is asked once without a token per method: more than an address may fail to
  // authenticate in a minute (that limit has its own tests).
  server = await startTestServer({ SPARK_AUTH_FAILURE_LIMIT: '100000' });
  server.db
    .prepare(
      'INSERT INTO access_tokens (token_hash, account_id, expires_at) VALUES (token_hash(?), ?, ?)',
    )
    .run(EXPIRED_TOKEN, avery.id, Date.now() - 1000);
  const vowGroups = await send('GET', '/v1/portal/groups?_limit=25', vow.token);
  const portalGroups = await send('GET', '/v1/portal/groups?_limit=25', DEMO_ACCOUNTS.portal.token);
  const portalIds = new Set(
    (portalGroups.json as { D: { Results: PortalGroup[] } }).D.Results.map((g) => g.Id),
  );
  const candidate = (vowGroups.json as { D: { Results: PortalGroup[] } }).D.Results.find(
    (g) => !portalIds.has(g.Id) && g.Id !== vow.portalAccountId,
  );
  if (!candidate) throw new Error('the demo data has no group for the VOW consumer alone');
  const full = await send('GET', `/v1/portal/groups/${candidate.Id}`, avery.token);
  group = (full.json as { D: { Results: PortalGroup[] } }).D.Results[0] as PortalGroup;

  const current = await send('GET', '/v1/portal/groups/current', vow.token);
  const owner = (current.json as { D: { Results: PortalGroup[] } }).D.Results[0]?.ContactId;
  if (!owner) throw new Error('the demo data has no current circle for the VOW consumer');
  const favorites = await send(
    'GET',
    `/v1/contacts/${owner}/listingcarts/portal/favorites`,
    avery.token,
  );
  const [cart] = (favorites.json as { D: { Results: { Id: string; ListingIds: string[] }[] } }).D
    .Results;
  const searches = await send('GET', `/v1/contacts/${owner}/savedsearches`, avery.token);
  const [search] = (searches.json as { D: { Results: { Id: string }[] } }).D.Results;
  const held = cart?.ListingIds[0];
  if (!cart || !held || !search) throw new Error('the VOW consumer’s circle shares too little');
  shares = { owner, cart: cart.Id, held, search: search.Id };
  sharedRows = Object.fromEntries(
    SHARE_TABLES.map((table) => [table, server.db.prepare(`SELECT * FROM ${table}`).all()]),
  ) as Record<string, Record<string, unknown>[]>;
});

afterAll(async () => {
  await server.dispose();
});

/** `/v1/portal/groups/:groupId` (the table's form) and `/v1/portal/groups/{group}` (the matrix's) alike. */
const shapeOf = (path: string) => path.replace(/\/(:[^/]+|\{[^}]+\})/g, '/{}');

/** The token endpoint is a Fastify route of its own (routes/oauth-grant.ts), outside the table. */
const OUTSIDE_TABLE: UriName[] = ['grant'];

describe('the role matrix and the emulator’s route table', () => {
  const uris = Object.entries(URIS).map(([name, uri]) => ({
    // Needed: Object.entries widens the keys of URIS to string.
    name: name as UriName,
    shape: shapeOf(uri.path),
    allow: [...uri.allow].sort(),
  }));
  const table = () => routeTable(server.db);
  const tableMethods = (shape: string) =>
    table()
      .filter((route) => shapeOf(route.url) === shape)
      .map((route) => route.method)
      .sort();

  it('has a URI, with the route’s method allowed, for every route of the table', () => {
    const missing = table()
      .filter((route) => {
        const uri = uris.find((u) => u.shape === shapeOf(route.url));
        return !uri?.allow.includes(route.method);
      })
      .map((route) => `${route.method} ${route.url}`);
    expect(
      missing,
      'Routes of spark/routes/table.ts missing from the role matrix: add each URI to URIS in ' +
        'src/server/reliability/role-table.ts (its `allow` naming the method) and a row per ' +
        'method (GET, POST, PUT, DELETE) to ROWS, with the answer for every role',
    ).toEqual([]);
  });

  it('allows on each URI exactly the methods the table routes there, and no URI it lacks', () => {
    const stale = uris
      .filter((uri) => !OUTSIDE_TABLE.includes(uri.name))
      .filter((uri) => tableMethods(uri.shape).join() !== uri.allow.join())
      .map(
        (uri) =>
          `${uri.name}: allows ${uri.allow.join(', ')}, the table ${tableMethods(uri.shape).join(', ') || 'nothing'}`,
      );
    expect(stale, 'URIS in role-table.ts that do not match spark/routes/table.ts').toEqual([]);
  });
});

describe('role matrix (role x URI x method)', () => {
  it('covers every role, URI and method once', () => {
    const withoutRows = Object.keys(URIS).flatMap((uri) =>
      METHODS.filter((method) => !ROLE_CASES.some((c) => c.uri === uri && c.method === method)).map(
        (method) => `${method} ${uri}`,
      ),
    );
    expect(withoutRows, 'URIs of role-table.ts without a row in ROWS for these methods').toEqual(
      [],
    );
    expect(ROLE_CASES).toHaveLength(7 * Object.keys(URIS).length * 4);
    const keys = new Set(ROLE_CASES.map((c) => `${c.role} ${c.uri} ${c.method}`));
    expect(keys.size).toBe(ROLE_CASES.length);
  });

  it.each(ROLE_CASES)('$role $method $uri -> $expected.status', async (c) => {
    const before = tableHashes(server.db);
    const isWrite = c.method === 'POST' || c.method === 'PUT';
    const response = await send(
      c.method,
      pathOf(c),
      TOKENS[c.role],
      isWrite ? { D: {} } : undefined,
    );

    expect(response.status).toBe(c.expected.status);
    if (c.expected.oauthError) {
      expect(oauthFailureProblem(response.status, response.json)).toBeUndefined();
      expect(response.json).toMatchObject({ error: c.expected.oauthError });
    } else if (c.expected.code !== undefined) {
      expect(sparkFailureProblem(response.status, response.json)).toBeUndefined();
      expect(response.json).toMatchObject({ D: { Success: false, Code: c.expected.code } });
    } else {
      expect(response.json).toMatchObject({ D: { Success: true } });
    }
    if (c.expected.code === 405) {
      expect(response.headers.get('allow')).toBe(URIS[c.uri].allow.join(', '));
    }

    if (response.status >= 400) expect(tableHashes(server.db)).toEqual(before);
    else if (c.method !== 'GET') {
      await restoreGroup();
      restoreShares();
    }
  });
});
