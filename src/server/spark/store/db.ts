import Database from 'better-sqlite3';
import { makePrivateDatabaseFile } from '../../private-file.js';
import { migrate } from './migrations.js';

export type Db = Database.Database;

/** Opens (creating if needed) and migrates the SQLite file. */
export function openDatabase(path: string): Db {
  makePrivateDatabaseFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A 100,000-contact database is ~100 MB; the 2 MB default cache rereads pages all the time.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  migrate(db);
  return db;
}
