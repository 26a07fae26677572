import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from './build-if-stale.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'pga-start-'));
  roots.push(root);
  mkdirSync(join(root, 'src', 'app', 'features'), { recursive: true });
  writeFileSync(join(root, 'src', 'app', 'features', 'page.tsx'), 'x');
  writeFileSync(join(root, 'index.html'), 'x');
  return root;
}

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function build(root: string, seconds: number) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), 'built');
  at(join(root, 'dist', 'index.html'), seconds);
}

describe('npm start', () => {
  it('builds when there is no built app', () => {
    expect(buildIsStale(project())).toBe(true);
  });

  it('does not rebuild an app newer than all its sources', () => {
    const root = project();
    at(join(root, 'src', 'app', 'features', 'page.tsx'), 1_000);
    at(join(root, 'index.html'), 1_000);
    build(root, 2_000);
    expect(buildIsStale(root)).toBe(false);
  });

  it('rebuilds when a source deep in the app changed after the build', () => {
    const root = project();
    at(join(root, 'index.html'), 1_000);
    build(root, 2_000);
    at(join(root, 'src', 'app', 'features', 'page.tsx'), 3_000);
    expect(buildIsStale(root)).toBe(true);
  });
});
