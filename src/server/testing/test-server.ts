import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { buildServer, type Server } from '../app.js';
import { buildEmulatorServer } from '../spark/standalone.js';

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

type Build = (config: Config) => Promise<Server>;

async function start(
  build: Build,
  portVariable: 'PORT' | 'EMULATOR_PORT',
  env: Record<string, string>,
  dir: string,
): Promise<TestServer> {
  const port = await freePort();
  const config = loadConfig({
    HOST: '127.0.0.1',
    [portVariable]: String(port),
    DATABASE_PATH: join(dir, 'spark.db'),
    ...env,
  });
  const server = await build(config);
  await server.app.listen({ port, host: '127.0.0.1' });
  const stop = () => server.app.close();
  return {
    ...server,
    url: `${config.emulator.tls && build === emulator ? 'https' : 'http'}://127.0.0.1:${port}`,
    config,
    dir,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const emulator: Build = (config) => buildEmulatorServer(config);

/**
 * Starts the real server over real HTTP on a free loopback port, with a SQLite file in a fresh
 * temporary folder (or `dir`, to restart on the same data). The built app is served from
 * `staticRoot` when given.
 */
export function startTestServer(
  env: Record<string, string> = {},
  dir: string = mkdtempSync(join(tmpdir(), 'pga-test-')),
  options: { staticRoot?: string } = {},
): Promise<TestServer> {
  const staticRoot = options.staticRoot ?? join(dir, 'no-static');
  return start((config) => buildServer(config, { staticRoot }), 'PORT', env, dir);
}

/** Starts the standalone emulator (`npm run emulator`) the same way, https when given PEM files. */
export function startTestEmulator(
  env: Record<string, string> = {},
  dir: string = mkdtempSync(join(tmpdir(), 'pga-test-')),
): Promise<TestServer> {
  return start(emulator, 'EMULATOR_PORT', env, dir);
}
