import type Database from 'better-sqlite3';

/**
 * Brings a SQLite file up to `target` of `migrations` (append, never edit), each in its own
 * transaction, counting in `PRAGMA user_version`. The emulator and the sign-in server each
 * pass their own list.
 */
export function runMigrations(
  db: Database.Database,
  migrations: readonly string[],
  target = migrations.length,
): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  migrations.slice(current, target).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}
