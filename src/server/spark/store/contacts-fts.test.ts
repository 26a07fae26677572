import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemoData, seedLargeData } from '../seed.js';
import { compileFilter } from '../sparkql/index.js';
import { contactCountSql, contactFilterFields, contactListSql } from './contacts.js';
import { openDatabase, type Db } from './db.js';
import { foldKey } from './text.js';

const agentId = DEMO_ACCOUNTS.avery.id;
const extras: [string, string, string | null][] = [
  ['x1', 'José Ñúñez', 'jose.nunez@example.com'],
  ['x2', '100% Real_Estate', 'info@real_estate.com'],
  ['x3', 'Back\\slash Annex', null],
  ['x4', 'ANNA-Maria Œster', 'Anna%Maria@Example.com'],
  ['x5', 'To be renamed', 'old@example.com'],
  ['x6', 'To be deleted Annabel', 'gone@example.com'],
];
const terms = [
  'ann',
  'an',
  'a',
  'jos',
  'josé',
  'ÑÚÑ',
  '0%',
  '100% r',
  'l_e',
  'real_',
  '\\sl',
  'example.com',
  'nex',
  'zzzq',
  'renamed',
  'fresh',
  'annabel',
  'old@',
  'new@',
  '@exa',
  'anna%m',
];

let dir: string;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pga-fts-'));
  db = openDatabase(join(dir, 'fts.db'));
  seedDemoData(db);
  seedLargeData(db, { groups: 100, contacts: 2000 });
  const insert = db.prepare(
    `INSERT INTO contacts (id, agent_id, display_name, primary_email, modified_at, display_key, email_key)
     VALUES (?, ?, ?, ?, '2026-11-27T00:00:00Z', ?, ?)`,
  );
  for (const [id, name, email] of extras) {
    insert.run(id, agentId, name, email, foldKey(name), email && foldKey(email));
  }
  db.prepare(
    "UPDATE contacts SET display_key = 'fresh name', email_key = 'new@example.com' WHERE id = 'x5'",
  ).run();
  db.prepare("DELETE FROM contacts WHERE id = 'x6'").run();
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function bruteForce(term: string): string[] {
  const needle = foldKey(term);
  const rows = db
    .prepare('SELECT id, display_key, email_key FROM contacts WHERE agent_id = ?')
    .all(agentId) as { id: string; display_key: string; email_key: string | null }[];
  return rows
    .filter((row) => row.display_key.includes(needle) || !!row.email_key?.includes(needle))
    .map((row) => row.id)
    .sort();
}

function searched(term: string): { ids: string[]; count: number } {
  const literal = term.replace(/[\\*']/g, '\\$&');
  const filter = compileFilter(
    `DisplayName Eq '*${literal}*' Or PrimaryEmail Eq '*${literal}*'`,
    contactFilterFields,
  );
  const rows = db
    .prepare(contactListSql(filter.sql, 'c.display_key, c.id'))
    .all(agentId, ...filter.params, 100_000, 0) as { id: string }[];
  const { n } = db.prepare(contactCountSql(filter.sql)).get(agentId, ...filter.params) as {
    n: number;
  };
  return { ids: rows.map((row) => row.id).sort(), count: n };
}

describe('contains-search on contacts with the trigram index', () => {
  it.each(terms)('finds what a scan of every contact finds for %j', (term) => {
    const expected = bruteForce(term);
    expect(searched(term)).toEqual({ ids: expected, count: expected.length });
  });

  it('reads the trigram index for a 3-letter term', () => {
    const filter = compileFilter("DisplayName Eq '*ann*'", contactFilterFields);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${contactCountSql(filter.sql)}`)
      .all(agentId, ...filter.params) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(
      /SCAN contacts_fts VIRTUAL TABLE INDEX 0:L/,
    );
  });

  it('follows inserts, renames and deletes', () => {
    expect(searched('fresh').ids).toEqual(['x5']);
    expect(searched('renamed').ids).toEqual([]);
    expect(searched('annabel').ids).toEqual([]);
    expect(searched('José Ñú').ids).toEqual(['x1']);
  });
});

describe('the trigram index migration', () => {
  it('indexes the contacts of a database made by the previous schema', () => {
    const file = join(dir, 'old.db');
    const old = openDatabase(file);
    seedDemoData(old);
    seedLargeData(old, { groups: 10, contacts: 300 });
    const version = old.pragma('user_version', { simple: true }) as number;
    old.exec(`DROP TABLE contacts_fts; DROP TRIGGER IF EXISTS contacts_fts_insert;
      DROP TRIGGER IF EXISTS contacts_fts_delete; DROP TRIGGER IF EXISTS contacts_fts_update;`);
    old.pragma(`user_version = ${version - 1}`);
    const contacts = old.prepare('SELECT COUNT(*) AS n FROM contacts').get() as { n: number };
    old.close();

    const migrated = openDatabase(file);
    try {
      expect(migrated.pragma('user_version', { simple: true })).toBe(version);
      expect(migrated.prepare('SELECT COUNT(*) AS n FROM contacts').get()).toEqual(contacts);
      const filter = compileFilter("PrimaryEmail Eq '*example.com*'", contactFilterFields);
      const found = migrated.prepare(contactCountSql(filter.sql)).get(agentId, ...filter.params);
      const all = migrated
        .prepare(
          "SELECT COUNT(*) AS n FROM contacts WHERE agent_id = ? AND email_key LIKE '%example.com%'",
        )
        .get(agentId);
      expect(found).toEqual(all);
      expect((all as { n: number }).n).toBeGreaterThan(300);
      migrated.exec("INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)");
    } finally {
      migrated.close();
    }
  });
});
