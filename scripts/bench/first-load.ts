import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Gzipped sizes of what index.html loads before first paint, and of every lazy chunk. */
export function firstLoadSizes(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const initial = new Set(refs);
  const sum = (ext: string) =>
    [...initial].filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipBytes(join(dist, f)), 0);
  const lazyChunks = Object.fromEntries(
    readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
      .map((f) => [f, gzipBytes(join(dist, 'assets', f))]),
  );
  return { jsGzip: sum('.js'), cssGzip: sum('.css'), initialFiles: [...initial], lazyChunks };
}
