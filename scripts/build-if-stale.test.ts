import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale, TARGETS, type Target } from './build-if-stale.mjs';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function file(root: string, path: string, seconds: number) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), 'x');
  at(join(root, path), seconds);
}

/** A project whose sources were all written at second 1,000. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'pga-start-'));
  roots.push(root);
  file(root, 'src/app/features/page.tsx', 1_000);
  file(root, 'index.html', 1_000);
  file(root, 'src/server/spark/routes/groups.ts', 1_000);
  file(root, 'src/shared/envelope.ts', 1_000);
  return root;
}

const build = (root: string, target: Target, seconds: number) =>
  file(root, TARGETS[target].built, seconds);

describe.each(['app', 'server'] as const)('npm start: the %s', (target) => {
  it('is built when there is no build', () => {
    expect(buildIsStale(project(), target)).toBe(true);
  });

  it('is not rebuilt when newer than all its sources', () => {
    const root = project();
    build(root, target, 2_000);
    expect(buildIsStale(root, target)).toBe(false);
  });

  it('is rebuilt when a source deep in it, or a shared one, changed after the build', () => {
    const root = project();
    build(root, target, 2_000);
    const own =
      target === 'app' ? 'src/app/features/page.tsx' : 'src/server/spark/routes/groups.ts';
    at(join(root, own), 3_000);
    expect(buildIsStale(root, target)).toBe(true);
    at(join(root, own), 1_000);
    at(join(root, 'src/shared/envelope.ts'), 3_000);
    expect(buildIsStale(root, target)).toBe(true);
  });
});

it('rebuilds only what changed: a server change leaves the app as built', () => {
  const root = project();
  build(root, 'app', 2_000);
  build(root, 'server', 2_000);
  at(join(root, 'src/server/spark/routes/groups.ts'), 3_000);
  expect(buildIsStale(root, 'server')).toBe(true);
  expect(buildIsStale(root, 'app')).toBe(false);
});
