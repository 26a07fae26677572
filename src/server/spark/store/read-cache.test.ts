import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compressed } from '../../compression.js';
import { cachedAnswer, cachedCount, cachedRead, MAX_READS } from './read-cache.js';

const COUNT = 'SELECT COUNT(*) AS n FROM items WHERE kind = ?';

describe('cachedCount', () => {
  let dir: string;
  let db: Database.Database;
  const insert = (kind: string) => db.prepare('INSERT INTO items (kind) VALUES (?)').run(kind);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pga-cache-'));
    db = new Database(join(dir, 'cache.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, kind TEXT NOT NULL)');
    insert('a');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts per set of parameters', () => {
    insert('b');
    insert('b');
    expect(cachedCount(db, COUNT, ['a'])).toBe(1);
    expect(cachedCount(db, COUNT, ['b'])).toBe(2);
    expect(cachedCount(db, COUNT, ['a'])).toBe(1);
  });

  it('recounts after this connection changes a row', () => {
    expect(cachedCount(db, COUNT, ['a'])).toBe(1);
    insert('a');
    expect(cachedCount(db, COUNT, ['a'])).toBe(2);
    db.prepare('DELETE FROM items').run();
    expect(cachedCount(db, COUNT, ['a'])).toBe(0);
  });

  it('recounts after another connection commits', () => {
    expect(cachedCount(db, COUNT, ['a'])).toBe(1);
    const other = new Database(join(dir, 'cache.db'));
    other.prepare("INSERT INTO items (kind) VALUES ('a')").run();
    other.close();
    expect(cachedCount(db, COUNT, ['a'])).toBe(2);
  });

  it('keeps nothing counted inside a transaction that is rolled back', () => {
    expect(cachedCount(db, COUNT, ['a'])).toBe(1);
    const attempt = db.transaction(() => {
      insert('a');
      expect(cachedCount(db, COUNT, ['a'])).toBe(2);
      throw new Error('roll back');
    });
    expect(attempt).toThrow('roll back');
    expect(cachedCount(db, COUNT, ['a'])).toBe(1);
  });
});

describe('cachedAnswer', () => {
  let dir: string;
  let db: Database.Database;
  const page = () =>
    JSON.stringify({ D: { Results: Array.from({ length: 200 }, (_, i) => ({ Id: i })) } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pga-cache-'));
    db = new Database(join(dir, 'cache.db'));
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY)');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the compressed bytes of an answer until the database changes', () => {
    const bytes = cachedAnswer(db, 'page', page);
    expect(cachedAnswer(db, 'page', page)).toBe(bytes);
    expect(compressed(bytes, 'br')).toBe(compressed(cachedAnswer(db, 'page', page), 'br'));
    expect(compressed(bytes, 'gzip')).toBe(compressed(bytes, 'gzip'));

    db.prepare('INSERT INTO items DEFAULT VALUES').run();
    const after = cachedAnswer(db, 'page', page);
    expect(after).not.toBe(bytes);
    expect(compressed(after, 'br')).not.toBe(compressed(bytes, 'br'));
  });
});

describe('cachedRead', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pga-cache-'));
    db = new Database(join(dir, 'cache.db'));
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('remembers a read that found nothing, and past its bound forgets the least recently used', () => {
    let reads = 0;
    const read = (key: string) =>
      cachedRead(db, key, () => {
        reads++;
        return undefined;
      });
    read('nothing');
    read('nothing');
    expect(reads).toBe(1);

    for (let i = 0; i < MAX_READS; i++) read(`key ${i}`);
    reads = 0;
    read('key 0');
    read(`key ${MAX_READS - 1}`);
    expect(reads).toBe(0);
    read('nothing');
    expect(reads).toBe(1);
  });
});
