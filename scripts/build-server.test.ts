import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startChildServer,
  stopChildServer,
  type ChildServer,
} from '../src/server/reliability/child-server.js';
import { DEMO_ACCOUNTS } from '../src/server/spark/demo-accounts.js';
import { buildServer } from './build-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPARK_HEADERS = {
  'X-SparkApi-User-Agent': 'CompiledServerTest/1.0',
  Authorization: `OAuth ${DEMO_ACCOUNTS.avery.token}`,
};

let dir: string;
let server: ChildServer | undefined;

beforeAll(async () => {
  await buildServer(ROOT);
  dir = mkdtempSync(join(tmpdir(), 'pga-compiled-'));
}, 60_000);
afterEach(async () => {
  await stopChildServer(server);
  server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const accountName = async (url: string) => {
  const response = await fetch(url, { headers: SPARK_HEADERS });
  expect(response.status).toBe(200);
  return ((await response.json()) as { D: { Results: { Name: string }[] } }).D.Results[0]?.Name;
};

describe('the compiled server, as npm start and npm run emulator run it (node, no tsx)', () => {
  it('serves the sign-in server and its embedded emulator from dist-server/main.js', async () => {
    server = await startChildServer(dir, ['--enable-source-maps', 'dist-server/main.js']);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await accountName(`${server.url}/spark/v1/my/account`)).toBe(DEMO_ACCOUNTS.avery.name);
    const session = await fetch(`${server.url}/api/v1/my/account`);
    expect(session.status).toBe(401);
  });

  it('serves the emulator alone at the root from dist-server/emulator-main.js', async () => {
    server = await startChildServer(dir, ['--enable-source-maps', 'dist-server/emulator-main.js']);
    expect(await accountName(`${server.url}/v1/my/account`)).toBe(DEMO_ACCOUNTS.avery.name);
  });
});
