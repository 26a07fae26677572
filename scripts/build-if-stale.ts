// `npm start`, `npm run emulator`: build the app and the server only when what they are built
// from changed since (`tsx scripts/build-if-stale.ts app server`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.js';

export const TARGETS = {
  app: {
    built: 'dist/index.html',
    inputs: [
      'src/app',
      'src/shared',
      'public',
      'index.html',
      'vite.config.ts',
      'package-lock.json',
    ],
  },
  server: {
    built: 'dist-server/main.js',
    inputs: ['src/server', 'src/shared', 'scripts/build-server.ts', 'package-lock.json'],
  },
} as const;
export type Target = keyof typeof TARGETS;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

/** True when `root`'s build of `target` is missing or older than any of its inputs. */
export function buildIsStale(root: string, target: Target): boolean {
  const built = join(root, TARGETS[target].built);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return TARGETS[target].inputs.some((input) => newestMtime(join(root, input)) > builtAt);
}

const isTarget = (name: string): name is Target => Object.hasOwn(TARGETS, name);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const target of process.argv.slice(2)) {
    if (!isTarget(target)) throw new Error(`Unknown build target: ${target}`);
    if (!buildIsStale(root, target)) {
      console.log(`The built ${target} is up to date; not rebuilding.`);
    } else if (target === 'server') {
      await buildServer(root);
    } else {
      execFileSync('npm', ['run', 'build:app'], { cwd: root, stdio: 'inherit' });
    }
  }
}
