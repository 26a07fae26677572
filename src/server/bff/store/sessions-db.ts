import Database from 'better-sqlite3';
import { makePrivateDatabaseFile } from '../../private-file.js';
import { runMigrations } from '../../sqlite-migrations.js';

export type SessionsDb = Database.Database;

/** The sign-in server's own schema, versioned by `PRAGMA user_version` (append, never edit). */
const migrations: string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_expiry ON sessions(expires_at);

  CREATE TABLE sign_ins (
    id TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sign_ins_expiry ON sign_ins(expires_at);
  `,
  `
  -- Other agents' authorizations a session holds, one row each (refreshed on their own).
  CREATE TABLE session_agents (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    sealed TEXT NOT NULL,
    PRIMARY KEY (session_id, agent_id)
  );
  `,
  `
  -- Who did what for whom: writes through the proxy, agents added and removed. Not sealed (no
  -- secret in it); kept per actor up to AUDIT_KEEP_PER_ACTOR entries.
  CREATE TABLE audit_entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    actor_id TEXT NOT NULL,
    entry TEXT NOT NULL
  );
  CREATE INDEX audit_entries_actor ON audit_entries(actor_id, seq);
  `,
];

export function openSessionsDatabase(path: string): SessionsDb {
  makePrivateDatabaseFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  runMigrations(db, migrations);
  return db;
}
