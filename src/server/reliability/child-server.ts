import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../testing/test-server.js';
import { serverEnv } from '../testing/server-env.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** What main.ts and emulator-main.ts print once they listen. */
const READY = /is running at|Spark emulator \(demo data\) at/;
const START_TIMEOUT_MS = 30_000;
const KEPT_OUTPUT = 64 * 1024;

export interface ChildServer {
  url: string;
  pid: number;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The tail of what the server printed (for failure messages). */
  output(): string;
  /** Sends `signal` to the server's whole process group. */
  signalGroup(signal: NodeJS.Signals): void;
}

function waitUntilReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server did not start in time:\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      if (READY.test(output())) {
        cleanup();
        resolveReady();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server exited (${code}) before it was ready:\n${output()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Runs the real server in its own process group on the SQLite file in `dir`, and resolves once
 * it listens: `node --import tsx src/server/main.ts`, or the node arguments given (the compiled
 * server, `dist-server/main.js`, or the emulator alone, `dist-server/emulator-main.js`).
 */
export async function startChildServer(
  dir: string,
  nodeArgs = ['--import', 'tsx', 'src/server/main.ts'],
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    env: serverEnv({
      DATABASE_PATH: join(dir, 'spark.db'),
      // The app's server listens on PORT, the emulator alone on EMULATOR_PORT.
      PORT: String(port),
      EMULATOR_PORT: String(port),
      HOST: '127.0.0.1',
      SPARK_RATE_LIMIT: '100000000',
    }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolveExit) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolveExit({ code: child.exitCode, signal: child.signalCode });
      } else child.once('exit', (code, signal) => resolveExit({ code, signal }));
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const server: ChildServer = {
    url: `http://127.0.0.1:${port}`,
    pid,
    exited,
    output: () => output,
    signalGroup(signal) {
      try {
        process.kill(-pid, signal);
      } catch {
        // The group is gone already.
      }
    },
  };
  try {
    await waitUntilReady(child, () => output);
  } catch (error) {
    server.signalGroup('SIGKILL');
    throw error;
  }
  return server;
}

/** Stops the server (SIGTERM, then SIGKILL if it lingers) and waits for it to exit. */
export async function stopChildServer(server: ChildServer | undefined): Promise<void> {
  if (!server) return;
  server.signalGroup('SIGTERM');
  const timer = setTimeout(() => server.signalGroup('SIGKILL'), 5_000);
  await server.exited;
  clearTimeout(timer);
}
