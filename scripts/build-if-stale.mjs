// `npm start`, `npm run emulator`: build the app and the server only when what they are built
// from changed since (`node scripts/build-if-stale.mjs app server`). Plain JavaScript, so that
// starting runs no TypeScript compiler when nothing needs building.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    script: 'build:app',
  },
  server: {
    built: 'dist-server/main.js',
    inputs: ['src/server', 'src/shared', 'scripts/build-server.ts', 'package-lock.json'],
    script: 'build:server',
  },
};

/** @param {string} path */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

/**
 * True when `root`'s build of `target` is missing or older than any of its inputs.
 * @param {string} root
 * @param {keyof typeof TARGETS} target
 */
export function buildIsStale(root, target) {
  const built = join(root, TARGETS[target].built);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return TARGETS[target].inputs.some((input) => newestMtime(join(root, input)) > builtAt);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const target of process.argv.slice(2)) {
    if (!Object.hasOwn(TARGETS, target)) throw new Error(`Unknown build target: ${target}`);
    if (buildIsStale(root, target)) {
      execFileSync('npm', ['run', TARGETS[target].script], { cwd: root, stdio: 'inherit' });
    } else {
      console.log(`The built ${target} is up to date; not rebuilding.`);
    }
  }
}
