import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { buildServer, type BuildOptions, type Server } from '../app.js';

export interface TestServer extends Server {
  url: string;
  config: Config;
  dir: string;
  /** Stops the server; the SQLite file stays until `dispose`. */
  stop(): Promise<void>;
  /** Stops the server and deletes its temporary folder. */
  dispose(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the real server over real HTTP on a free loopback port, with a SQLite file in a fresh
 * temporary folder (or `dir`, to restart on the same data).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dir: string = mkdtempSync(join(tmpdir(), 'pga-test-')),
  options: BuildOptions = {},
): Promise<TestServer> {
  const port = await freePort();
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: join(dir, 'spark.db'),
    // Suites sign in far faster than people do; the limit itself is tested with its own setting.
    SIGN_IN_RATE_LIMIT: '100000',
    ...env,
  });
  const server = await buildServer(config, { staticRoot: join(dir, 'no-static'), ...options });
  await server.app.listen({ port, host: '127.0.0.1' });
  const stop = () => server.app.close();
  return {
    ...server,
    url: `http://127.0.0.1:${port}`,
    config,
    dir,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
