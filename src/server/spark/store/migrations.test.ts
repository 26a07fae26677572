import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticate } from '../auth.js';
import { openDatabase } from './db.js';
import { migrate } from './migrations.js';
import { findByRefreshToken, findCode } from './oauth.js';
import { tokenHash } from './token-hash.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('moves a version 3 database to the Name order and drops the copied name', () => {
  dir = mkdtempSync(join(tmpdir(), 'pga-migrate-'));
  const db = new Database(join(dir, 'old.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, 3);
  db.exec(`
    INSERT INTO accounts (id, name, user_type, role) VALUES ('agent', 'Agent', 'Member', 'Private');
    INSERT INTO contacts (id, agent_id, display_name, given_name, family_name, modified_at, display_key, given_key, family_key)
    VALUES ('c1', 'agent', 'Marco Alvarez', 'Marco', 'Alvarez', 't', 'marco alvarez', 'marco', 'alvarez'),
           ('c2', 'agent', 'Ana de la Cruz', 'Ana', 'de la Cruz', 't', 'ana de la cruz', 'ana', 'de la cruz');
    INSERT INTO portal_accounts (id, contact_id) VALUES ('p1', 'c1'), ('p2', 'c2');
    INSERT INTO portal_groups (id, agent_id, contact_id, name, name_key, display_key, created_at)
    VALUES ('p1', 'agent', 'c1', 'Marco Alvarez', 'alvarez marco', 'marco alvarez', 't'),
           ('p2', 'agent', 'c2', 'Ana de la Cruz', 'de la cruz ana', 'ana de la cruz', 't');
  `);

  migrate(db);

  const columns = (db.prepare('PRAGMA table_info(portal_groups)').all() as { name: string }[]).map(
    (column) => column.name,
  );
  expect(columns).not.toContain('name');
  expect(columns).not.toContain('name_key');
  const ordered = () =>
    db
      .prepare("SELECT id FROM portal_groups WHERE agent_id = 'agent' ORDER BY display_key, id")
      .pluck()
      .all();
  expect(ordered()).toEqual(['p2', 'p1']);
  db.prepare("UPDATE contacts SET display_key = 'zed' WHERE id = 'c2'").run();
  expect(ordered()).toEqual(['p1', 'p2']);
  db.close();
});

it('indexes existing contacts for substring search and follows every change', () => {
  dir = mkdtempSync(join(tmpdir(), 'pga-migrate-'));
  const db = new Database(join(dir, 'old.db'));
  migrate(db, 5);
  db.exec(`
    INSERT INTO accounts (id, name, user_type, role) VALUES ('agent', 'Agent', 'Member', 'Private');
    INSERT INTO contacts (id, agent_id, display_name, modified_at, display_key, email_key)
    VALUES ('c1', 'agent', 'Marco Alvarez', 't', 'marco alvarez', 'marco@example.com');
  `);

  migrate(db);

  const found = (term: string) =>
    db
      .prepare(
        'SELECT c.id FROM contacts c WHERE c.rowid IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?) ORDER BY c.id',
      )
      .pluck()
      .all(`"${term}"`);
  expect(found('alv')).toEqual(['c1']);
  expect(found('exa')).toEqual(['c1']);
  db.exec(`
    INSERT INTO contacts (id, agent_id, display_name, modified_at, display_key)
    VALUES ('c2', 'agent', 'Ana Alvarado', 't', 'ana alvarado');
  `);
  expect(found('alv')).toEqual(['c1', 'c2']);
  db.exec("UPDATE contacts SET display_key = 'marco polo', email_key = NULL WHERE id = 'c1'");
  expect(found('alv')).toEqual(['c2']);
  expect(found('exa')).toEqual([]);
  expect(found('pol')).toEqual(['c1']);
  db.exec("DELETE FROM contacts WHERE id = 'c2'");
  expect(found('alv')).toEqual([]);
  // Throws SQLITE_CORRUPT_VTAB when the index and the table disagree.
  expect(() =>
    db.exec("INSERT INTO contacts_search(contacts_search) VALUES ('integrity-check')"),
  ).not.toThrow();
  db.close();
});

it('keeps LastActive to the hour and adds the listings table with its address index', () => {
  dir = mkdtempSync(join(tmpdir(), 'pga-migrate-'));
  const db = new Database(join(dir, 'old.db'));
  migrate(db, 6);
  db.exec(`
    INSERT INTO accounts (id, name, user_type, role) VALUES ('agent', 'Agent', 'Member', 'Private');
    INSERT INTO contacts (id, agent_id, display_name, modified_at, display_key)
    VALUES ('c1', 'agent', 'Marco Alvarez', 't', 'marco alvarez'),
           ('c2', 'agent', 'Ana Cruz', 't', 'ana cruz');
    INSERT INTO portal_accounts (id, contact_id, last_login, last_active)
    VALUES ('p1', 'c1', '2026-11-20T14:03:11Z', '2026-11-20T14:03:11Z'), ('p2', 'c2', NULL, NULL);
  `);

  migrate(db);

  expect(db.prepare('SELECT id, last_active FROM portal_accounts ORDER BY id').all()).toEqual([
    { id: 'p1', last_active: '2026-11-20T14:00:00Z' },
    { id: 'p2', last_active: null },
  ]);
  expect(db.prepare('SELECT COUNT(*) AS n FROM listings').get()).toEqual({ n: 0 });
  db.close();
});

it('replaces every token and code by its hash, leaving none readable in the file', () => {
  dir = mkdtempSync(join(tmpdir(), 'pga-migrate-'));
  const path = join(dir, 'old.db');
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  migrate(old, 6);
  const plain = {
    access: 'old-access-token-0123456789abcdef',
    refresh: 'old-refresh-token-0123456789abcdef',
    expired: 'old-expired-token-0123456789abcdef',
    code: 'old-authorization-code-0123456789',
  };
  old.exec(`
    INSERT INTO accounts (id, name, user_type, role) VALUES ('agent', 'Agent', 'Member', 'Private');
    INSERT INTO oauth_clients (client_id, client_secret, name) VALUES ('client', 's', 'Client');
    INSERT INTO access_tokens (token, account_id, client_id, refresh_token, expires_at, revoked)
    VALUES ('${plain.access}', 'agent', 'client', '${plain.refresh}', ${Date.now() + 60_000}, 0),
           ('${plain.expired}', 'agent', 'client', NULL, 1, 0),
           ('demo-private', 'agent', NULL, NULL, NULL, 0);
    INSERT INTO oauth_codes (code, client_id, redirect_uri, account_id, expires_at, used)
    VALUES ('${plain.code}', 'client', 'http://x/cb', 'agent', ${Date.now() + 60_000}, 0);
  `);
  old.close();

  const db = openDatabase(path);
  const headers = (token: string) => ({ authorization: `OAuth ${token}` });
  expect(authenticate(db, headers(plain.access)).accountId).toBe('agent');
  expect(authenticate(db, headers('demo-private')).accountId).toBe('agent');
  expect(() => authenticate(db, headers(plain.expired))).toThrow(/expired/);
  expect(findByRefreshToken(db, plain.refresh, 'client')?.account_id).toBe('agent');
  expect(findCode(db, plain.code)).toMatchObject({ account_id: 'agent', used: 0 });
  expect(db.prepare('SELECT token_hash FROM access_tokens').pluck().all()).toContain(
    tokenHash(plain.access),
  );
  const files = [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'));
  for (const secret of Object.values(plain)) {
    for (const text of files) expect(text).not.toContain(secret);
  }
  db.close();
});
