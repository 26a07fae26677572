// `npm run build:server`: the server as the JavaScript that `npm start` runs with node.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `npm start` and `npm run emulator` run; each becomes one file in `dist-server/`. */
const ENTRY_POINTS = ['src/server/main.ts', 'src/server/emulator-main.ts'];

/**
 * Bundles the server's own code (src/server, src/shared) per entry point; packages stay imports
 * of node_modules. Source maps let `--enable-source-maps` name the TypeScript lines in stacks.
 */
export async function buildServer(root: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: 'dist-server',
    outbase: 'src/server',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer(fileURLToPath(new URL('..', import.meta.url)));
}
