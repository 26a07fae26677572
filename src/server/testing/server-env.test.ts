import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './sign-in.js';
import { freePort } from './test-server.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Server settings a developer's shell might export; none may reach the end-to-end servers. */
const HOSTILE = {
  PUBLIC_URL: 'http://example.invalid',
  DATABASE_PATH: '/nonexistent/x.db',
  SPARK_API_URL: 'http://example.invalid/spark',
  SPARK_AUTH_URL: 'http://example.invalid/oauth2',
  SPARK_CLIENT_ID: 'someone-else',
  SPARK_CLIENT_SECRET: 'not-ours',
  SESSION_SECRET: 'a-secret-from-the-shell',
  SPARK_TOKEN_LIFETIME: 'soon',
  SPARK_RATE_LIMIT: '1',
  PORT: '1',
  HOST: 'example.invalid',
  LOG_LEVEL: 'nonsense',
};

describe('the end-to-end server (e2e/serve.ts) with server settings exported by the caller', () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'e2e/serve.ts', '--port', String(port)], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...HOSTILE },
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`))),
    );
    const listening = (async () => {
      for (;;) {
        const up = await fetch(`${url}/auth/session`).then(
          () => true,
          () => false,
        );
        if (up) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await Promise.race([listening, exited]);
  }, 30_000);

  afterAll(() => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('listens where it was told, signs in through its own emulator and answers /api', async () => {
    const cookie = await signIn({ url }, 'Avery Stone');
    const response = await fetch(`${url}/api/v1/my/account`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { D: { Results: { Name: string }[] } };
    expect(body.D.Results[0]?.Name).toBe('Avery Stone');
  });
});
