import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addUsersBodySchema, replaceGroupBodySchema } from '../../shared/portal-groups.js';
import { updatePortalAccountBodySchema } from '../../shared/contacts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { expectFailure, sparkClient, type SparkCall } from '../testing/spark-call.js';

interface Operation {
  parameters?: { in: string; name: string; schema: Record<string, unknown> }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  security?: unknown[];
}
interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  security: Record<string, string[]>[];
}

const API_ROUTES: Record<string, string[]> = {
  '/v1/my/account': ['GET'],
  '/v1/portal/groups': ['GET'],
  '/v1/portal/groups/current': ['GET', 'PUT', 'DELETE'],
  '/v1/portal/groups/{groupId}': ['GET', 'POST', 'PUT', 'DELETE'],
  '/v1/portal/groups/{groupId}/users/{userId}': ['DELETE'],
  '/v1/contacts': ['GET', 'POST'],
  '/v1/contacts/{contactId}': ['GET'],
  '/v1/contacts/{contactId}/portal': ['GET', 'POST', 'PUT'],
  '/v1/listings': ['GET'],
  '/v1/listings/{listingId}': ['GET'],
  '/v1/listings/{listingId}/photos': ['GET'],
  ...cartRoutes('/v1/listingcarts'),
  ...cartRoutes('/v1/contacts/{contactId}/listingcarts'),
  '/v1/my/listingcarts': ['GET'],
  '/v1/savedsearches': ['GET', 'POST'],
  '/v1/savedsearches/{searchId}': ['GET', 'PUT', 'DELETE'],
  '/v1/contacts/{contactId}/savedsearches': ['GET', 'POST'],
  '/v1/contacts/{contactId}/savedsearches/{searchId}': ['GET', 'PUT', 'DELETE'],
};

function cartRoutes(base: string): Record<string, string[]> {
  return {
    [base]: ['GET', 'POST'],
    [`${base}/portal`]: ['GET'],
    [`${base}/portal/favorites`]: ['GET', 'POST', 'DELETE'],
    [`${base}/portal/rejects`]: ['GET', 'POST', 'DELETE'],
    [`${base}/for/{listingIds}`]: ['GET'],
    [`${base}/{cartId}`]: ['GET', 'POST', 'PUT', 'DELETE'],
    [`${base}/{cartId}/listings`]: ['GET'],
    [`${base}/{cartId}/listings/{listingId}`]: ['DELETE'],
  };
}

/** Served beside the API, without a token: not Spark routes, but described too. */
const OTHER_ROUTES = ['/oauth2', '/photos/{photoId}/{file}'];

let server: TestServer;
let call: SparkCall;
let doc: OpenApi;

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
  const response = await fetch(`${server.url}/spark/v1/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  doc = (await response.json()) as OpenApi;
});
afterAll(() => server?.dispose());

const methodsOf = (path: string) =>
  Object.keys(doc.paths[path] ?? {})
    .map((method) => method.toUpperCase())
    .sort();

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 description, read without a token, of the emulator under its mount', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/spark' }]);
    expect(doc.components.securitySchemes).toMatchObject({
      OAuth: { type: 'apiKey', in: 'header', name: 'Authorization' },
      SparkUserAgent: { type: 'apiKey', in: 'header', name: 'X-SparkApi-User-Agent' },
    });
    expect(doc.security).toEqual([{ OAuth: [], SparkUserAgent: [] }]);
    expect(doc.paths['/v1/oauth2/grant']?.post?.security).toEqual([]);
    expect(methodsOf('/oauth2')).toEqual(['GET', 'POST']);
    expect(methodsOf('/photos/{photoId}/{file}')).toEqual(['GET']);
  });

  it('lists every API route with exactly the methods the emulator answers', async () => {
    const apiPaths = Object.keys(doc.paths).filter((path) => !OTHER_ROUTES.includes(path));
    expect(apiPaths.sort()).toEqual(
      [...Object.keys(API_ROUTES), '/v1/oauth2/grant', '/v1/oauth2/revoke'].sort(),
    );
    const id = DEMO_ACCOUNTS.avery.id;
    for (const [path, methods] of Object.entries(API_ROUTES)) {
      expect(methodsOf(path)).toEqual([...methods].sort());
      const concrete = path.replace(/\{\w+\}/g, id);
      const refused = await call('PATCH', concrete);
      expectFailure(refused, 405, 405);
      expect(refused.headers.get('allow')?.split(', ').sort()).toEqual([...methods].sort());
    }
  });

  it('describes the Id, search and body schemas the routes validate with', async () => {
    const group = doc.paths['/v1/portal/groups/{groupId}'];
    expect(group?.get?.parameters).toContainEqual(
      expect.objectContaining({
        in: 'path',
        name: 'groupId',
        schema: { type: 'string', pattern: '^\\d{26}$' },
      }),
    );
    const limit = doc.paths['/v1/portal/groups']?.get?.parameters?.find((p) => p.name === '_limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 25 });
    expectFailure(await call('GET', '/v1/portal/groups?_limit=26'), 400, 1053);
    expect((await call('GET', '/v1/portal/groups?_limit=25')).status).toBe(200);
    expectFailure(await call('GET', '/v1/portal/groups/123'), 404, 404);

    const bodies = [
      [group?.post, addUsersBodySchema],
      [group?.put, replaceGroupBodySchema],
      [doc.paths['/v1/contacts/{contactId}/portal']?.put, updatePortalAccountBodySchema],
    ] as const;
    for (const [operation, schema] of bodies) {
      const expected: Record<string, unknown> = z.toJSONSchema(schema, { io: 'input' });
      delete expected.$schema;
      expect(operation?.requestBody?.content['application/json'].schema).toEqual(expected);
    }
  });

  it('needs neither token nor user agent, while unknown /v1 paths still answer 404', async () => {
    const bare = await fetch(`${server.url}/spark/v1/openapi.json`);
    expect(bare.status).toBe(200);
    await bare.arrayBuffer();
    expectFailure(await call('GET', '/v1/openapi.yaml'), 404, 404);
    expectFailure(await call('GET', '/v1/portal/groups', { token: null }), 401, 1000);
  });
});

describe('the API Explorer', () => {
  it('is served at /spark/explorer with its assets, under the app’s CSP', async () => {
    const page = await fetch(`${server.url}/spark/explorer`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(scripts).toContain('/spark/explorer/static/swagger-initializer.js');
    for (const src of scripts) {
      const asset = await fetch(`${server.url}${src}`);
      expect(asset.status).toBe(200);
      await asset.arrayBuffer();
    }
  });
});
