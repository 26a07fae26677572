import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the server sends a browser for a built file: its .br copy (the build writes one). */
const sentBytes = (file: string) =>
  existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;

/** Brotli bytes of what index.html names (before any page's own code), and of every lazy chunk. */
export function builtSizes(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const initial = new Set(refs);
  const sum = (ext: string) =>
    [...initial].filter((f) => f.endsWith(ext)).reduce((n, f) => n + sentBytes(join(dist, f)), 0);
  const lazyChunks = Object.fromEntries(
    readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
      .map((f) => [f, sentBytes(join(dist, 'assets', f))]),
  );
  return { js: sum('.js'), css: sum('.css'), initialFiles: [...initial], lazyChunks };
}
