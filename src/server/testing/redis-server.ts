import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-server.js';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const READY = /Ready to accept connections/;

export interface RedisServer {
  url: string;
  /** Stops Redis the hard way (SIGKILL): only what it had made durable survives. */
  kill(): Promise<void>;
  /** Starts Redis again on the same port and folder. */
  restart(): Promise<void>;
  /** Stalls Redis (SIGSTOP): connections stay open, nothing is answered until `resume`. */
  pause(): void;
  resume(): void;
  dispose(): Promise<void>;
}

/**
 * A real `redis-server` on a free loopback port with its own temporary folder. Without
 * `persistent` it keeps nothing on disk; with it, every write is in the append-only file before
 * Redis answers (`appendfsync always`), the setting docs/operations.md recommends for sessions.
 */
export async function startRedis(options: { persistent?: boolean } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pga-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.persistent ? 'yes' : 'no',
    '--appendfsync',
    'always',
    '--daemonize',
    'no',
  ];
  let child: ChildProcess | undefined;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const process = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = process;
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 15_000);
      process.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (READY.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      process.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis exited (${code}):\n${output}`));
      });
    });

  const stop = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill(signal);
    });

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => stop('SIGKILL'),
    restart: launch,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async dispose() {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
