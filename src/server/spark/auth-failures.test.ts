import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT, DEMO_CLIENT_ID } from '../config.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const LIMIT = 4;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    SPARK_AUTH_FAILURE_LIMIT: String(LIMIT),
    TRUST_PROXY: '127.0.0.1',
  });
});
afterAll(() => server?.dispose());

/** A refused refresh grant posted to `path`, from `address`, with the caller's own valid token. */
const badGrant = (path: string, address: string) =>
  fetch(`${server.url}/spark${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-SparkApi-User-Agent': APP_USER_AGENT,
      Authorization: 'OAuth demo-private',
      'X-Forwarded-For': address,
    },
    body: JSON.stringify({
      client_id: DEMO_CLIENT_ID,
      client_secret: 'guess',
      grant_type: 'refresh_token',
      refresh_token: 'guess',
    }),
  });

describe('refused grants, counted per client address', () => {
  it.each([
    ['as written', '/v1/oauth2/grant', '198.51.100.1'],
    ['percent-encoded', '/v1/oauth2/%67rant', '198.51.100.2'],
    ['with a trailing slash', '/v1/oauth2/%67rant/', '198.51.100.3'],
  ])('reach the token endpoint %s and count once each', async (_label, path, address) => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await badGrant(path, address)).status);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429]);
  });
});
