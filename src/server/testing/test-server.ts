import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { buildServer, type BuildOptions, type Server } from '../app.js';
import { buildEmulatorServer, emulatorListenText } from '../spark/standalone.js';
import type { LogTarget } from '../request-log.js';

interface Running {
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

/** The server as built, with what a test needs to reach and stop it. */
export type TestServer = Server & Running;
/** The standalone emulator has no sign-in server, so no session store. */
export type TestEmulator = Pick<Server, 'app' | 'db'> & Running;

async function start<S extends Pick<Server, 'app' | 'db'>>(
  build: (config: Config) => Promise<S>,
  portVariable: 'PORT' | 'EMULATOR_PORT',
  env: Record<string, string>,
  dir: string,
): Promise<S & Running> {
  const port = await freePort();
  const config = loadConfig({
    HOST: '127.0.0.1',
    [portVariable]: String(port),
    DATABASE_PATH: join(dir, 'spark.db'),
    // Suites sign in far faster than people do; the limit itself is tested with its own setting.
    SIGN_IN_RATE_LIMIT: '100000',
    ...env,
  });
  const server = await build(config);
  await server.app.listen({
    port,
    host: '127.0.0.1',
    ...(portVariable === 'EMULATOR_PORT' ? { listenTextResolver: emulatorListenText(config) } : {}),
  });
  const stop = () => server.app.close();
  const https = portVariable === 'EMULATOR_PORT' && config.emulator.tls;
  return {
    ...server,
    url: `${https ? 'https' : 'http'}://127.0.0.1:${port}`,
    config,
    dir,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the real server over real HTTP on a free loopback port, with a SQLite file in a fresh
 * temporary folder (or `dir`, to restart on the same data). The built app is served from
 * `options.staticRoot` when given.
 */
export function startTestServer(
  env: Record<string, string> = {},
  dir: string = mkdtempSync(join(tmpdir(), 'pga-test-')),
  options: BuildOptions = {},
): Promise<TestServer> {
  const staticRoot = options.staticRoot ?? join(dir, 'no-static');
  return start((config) => buildServer(config, { ...options, staticRoot }), 'PORT', env, dir);
}

/** Starts the standalone emulator (`npm run emulator`) the same way, https when given PEM files. */
export function startTestEmulator(
  env: Record<string, string> = {},
  dir: string = mkdtempSync(join(tmpdir(), 'pga-test-')),
  options: { logger?: LogTarget } = {},
): Promise<TestEmulator> {
  return start((config) => buildEmulatorServer(config, options), 'EMULATOR_PORT', env, dir);
}
