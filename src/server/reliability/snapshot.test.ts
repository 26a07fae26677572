import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../spark/store/db.js';
import { integrityCheck, tableHashes } from './snapshot.js';

let dir: string;
let db: Db;
const insertAccount = (into: Database.Database, id: string) =>
  into
    .prepare("INSERT INTO accounts (id, name, user_type, role) VALUES (?, ?, 'Member', 'Private')")
    .run(id, `Agent ${id}`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pga-snapshot-'));
  db = openDatabase(join(dir, 'spark.db'));
  insertAccount(db, 'a1');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the data tables’ hashes, taken again and again', () => {
  it('stay the same while nothing is written', () => {
    const before = tableHashes(db);
    db.prepare('SELECT * FROM accounts').all();
    expect(tableHashes(db)).toEqual(before);
    expect(integrityCheck(db)).toBe('ok');
  });

  it('see a write made since they were last taken, a changed value included', () => {
    const before = tableHashes(db);
    db.prepare("UPDATE accounts SET name = 'Renamed' WHERE id = 'a1'").run();
    expect(tableHashes(db)).not.toEqual(before);
  });

  it('see a row written and taken back in one transaction as no change', () => {
    const before = tableHashes(db);
    expect(() =>
      db.transaction(() => {
        insertAccount(db, 'a2');
        throw new Error('refused');
      })(),
    ).toThrow('refused');
    expect(tableHashes(db)).toEqual(before);
  });

  it('see a write another connection committed', () => {
    const before = tableHashes(db);
    const other = new Database(join(dir, 'spark.db'));
    insertAccount(other, 'a3');
    other.close();
    expect(tableHashes(db)).not.toEqual(before);
  });
});
