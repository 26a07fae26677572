import Database from 'better-sqlite3';
import { makePrivateDatabaseFile } from '../../private-file.js';
import { runMigrations } from '../../sqlite-migrations.js';

export type SessionsDb = Database.Database;

/** The sign-in server's own schema, versioned by `PRAGMA user_version` (append, never edit). */
export const sessionsMigrations: string[] = [
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
  `
  -- Each user's trail: an entry is kept once for its actor and once for the agent she wrote for
  -- (when another), so that the agent reads it too. Kept by time (at, ms); refused writes are
  -- limited per actor (audit_refused_counts, per hour) and each kind has its own ceiling.
  CREATE TABLE audit_trail (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    refused INTEGER NOT NULL,
    at INTEGER NOT NULL,
    entry TEXT NOT NULL,
    UNIQUE (user_id, entry_id)
  );
  CREATE INDEX audit_trail_user ON audit_trail(user_id, at, seq);
  CREATE INDEX audit_trail_user_kind ON audit_trail(user_id, refused, at, seq);
  CREATE INDEX audit_trail_at ON audit_trail(at);
  INSERT INTO audit_trail (user_id, entry_id, refused, at, entry)
    SELECT owner, id, json_extract(entry, '$.Outcome') = 'Failed',
      CAST(ROUND((julianday(json_extract(entry, '$.At')) - 2440587.5) * 86400000) AS INTEGER), entry
    FROM (
      SELECT seq, 0 AS copy, actor_id AS owner, id, entry FROM audit_entries
      UNION ALL
      SELECT seq, 1, json_extract(entry, '$.ForId'), id, entry FROM audit_entries
        WHERE json_extract(entry, '$.ForId') <> actor_id
    )
    ORDER BY seq, copy;
  DROP TABLE audit_entries;
  CREATE TABLE audit_refused_counts (
    actor_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    recorded INTEGER NOT NULL,
    PRIMARY KEY (actor_id, hour)
  );
  `,
];

export function openSessionsDatabase(path: string): SessionsDb {
  makePrivateDatabaseFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  runMigrations(db, sessionsMigrations);
  return db;
}
