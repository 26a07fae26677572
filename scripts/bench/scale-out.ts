// npm run bench:scale-out: /api throughput with one app instance and with two sharing Redis.
// Every server is its own process (as in a deployment); Spark is a separate emulator process.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_CLIENT_ID } from '../../src/server/config.js';
import { startRedis } from '../../src/server/testing/redis-server.js';
import { signIn } from '../../src/server/testing/sign-in.js';
import { freePort } from '../../src/server/testing/test-server.js';

const SECONDS = Number(process.env.SCALE_OUT_SECONDS ?? 10);
const CONNECTIONS = 10;
const work = mkdtempSync(join(tmpdir(), 'pga-scale-out-'));
const children: ChildProcess[] = [];

async function serve(name: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: join(work, name, 'spark.db'),
      LOG_LEVEL: 'warn',
      SPARK_RATE_LIMIT: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve) =>
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  while ((await fetch(`${url}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 50));
  return url;
}

const load = (url: string | string[], cookie: string) =>
  autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { Cookie: cookie },
    requests: [{ method: 'GET', path: '/api/v1/my/account' }],
  });

const redis = await startRedis();
try {
  const spark = await serve('spark', {});
  const env = {
    SPARK_API_URL: `${spark}/spark`,
    SPARK_AUTH_URL: `${spark}/spark/oauth2`,
    REDIS_URL: redis.url,
    SESSION_SECRET: 'scale-out-bench-shared-session-secret',
  };
  const a = await serve('a', env);
  const b = await serve('b', env);
  const sparkDb = new Database(join(work, 'spark', 'spark.db'));
  sparkDb
    .prepare('UPDATE oauth_clients SET redirect_uris = ? WHERE client_id = ?')
    .run(JSON.stringify([`${a}/auth/callback`, `${b}/auth/callback`]), DEMO_CLIENT_ID);
  sparkDb.close();
  const cookie = await signIn({ url: a }, 'Avery Stone');

  const rows = [];
  for (const [label, target] of [
    ['one instance', [a]],
    ['two instances', [a, b]],
  ] as const) {
    const result = await load([...target], cookie);
    rows.push({
      setup: label,
      'requests/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
    });
  }
  console.table(rows);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await redis.dispose();
  rmSync(work, { recursive: true, force: true });
}
