import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoData, seedLargeData } from './seed.js';
import { openDatabase } from './store/db.js';

describe('seeding a large data set (trigram indexes built once at the end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pga-seed-'));
  const db = openDatabase(join(dir, 'spark.db'));
  seedDemoData(db);
  const cacheSize = db.pragma('cache_size', { simple: true });
  seedLargeData(db, { groups: 60, contacts: 600 });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const matches = (table: string, term: string) =>
    db
      .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`)
      .pluck()
      .all(`"${term}"`);
  const scan = (table: string, column: string, term: string) =>
    db
      .prepare(`SELECT rowid FROM ${table} WHERE instr(${column}, ?) > 0 ORDER BY rowid`)
      .pluck()
      .all(term);

  // One trigram each (the indexes keep no positions, so longer pieces are several trigrams).
  it('finds every seeded contact and listing by a piece of its name or address', () => {
    const listing = db
      .prepare('SELECT address_key FROM listings ORDER BY serial DESC LIMIT 1')
      .pluck()
      .get() as string;
    const contact = db
      .prepare('SELECT display_key FROM contacts ORDER BY rowid DESC LIMIT 1')
      .pluck()
      .get() as string;
    for (const term of [listing.slice(0, 3), listing.slice(-3)]) {
      expect(matches('listings_address', term)).toEqual(scan('listings', 'address_key', term));
      expect(matches('listings_address', term).length).toBeGreaterThan(0);
    }
    for (const term of [contact.slice(0, 3), contact.slice(-3)]) {
      expect(matches('contacts_search', term)).toEqual(scan('contacts', 'display_key', term));
      expect(matches('contacts_search', term).length).toBeGreaterThan(0);
    }
  });

  it('keeps the insert triggers and the page cache as they were', () => {
    const triggers = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('contacts_search_insert', 'listings_address_insert') ORDER BY name",
      )
      .pluck()
      .all();
    expect(triggers).toEqual(['contacts_search_insert', 'listings_address_insert']);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
  });
});
