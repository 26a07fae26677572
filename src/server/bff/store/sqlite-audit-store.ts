import { auditEntrySchema, type AuditEntry } from '../../../shared/audit.js';
import { AUDIT_KEEP_PER_ACTOR, type AuditStore } from './audit-store.js';
import type { SessionsDb } from './sessions-db.js';

interface EntryRow {
  entry: string;
}

const parse = (rows: EntryRow[]): AuditEntry[] =>
  rows.flatMap((row) => {
    const parsed = auditEntrySchema.safeParse(JSON.parse(row.entry));
    return parsed.success ? [parsed.data] : [];
  });

/** The audit trail in the sign-in server's own SQLite file (the sessions database). */
export class SqliteAuditStore implements AuditStore {
  private readonly statements;

  constructor(private readonly db: SessionsDb) {
    this.statements = {
      insert: db.prepare<[id: string, actorId: string, entry: string]>(
        'INSERT INTO audit_entries (id, actor_id, entry) VALUES (?, ?, ?)',
      ),
      trim: db.prepare<[actorId: string, sameActorId: string, keep: number]>(
        `DELETE FROM audit_entries WHERE actor_id = ? AND seq <= (
           SELECT seq FROM audit_entries WHERE actor_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
      ),
      count: db.prepare<[actorId: string], { n: number }>(
        'SELECT COUNT(*) AS n FROM audit_entries WHERE actor_id = ?',
      ),
      page: db.prepare<[actorId: string, limit: number, offset: number], EntryRow>(
        'SELECT entry FROM audit_entries WHERE actor_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?',
      ),
      all: db.prepare<[actorId: string], EntryRow>(
        'SELECT entry FROM audit_entries WHERE actor_id = ? ORDER BY seq DESC',
      ),
    };
  }

  async record(entry: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      this.statements.insert.run(entry.Id, entry.ActorId, JSON.stringify(entry));
      this.statements.trim.run(entry.ActorId, entry.ActorId, AUDIT_KEEP_PER_ACTOR);
    })();
  }

  async page(actorId: string, page: number, limit: number) {
    const total = this.statements.count.get(actorId)?.n ?? 0;
    const rows = this.statements.page.all(actorId, limit, (page - 1) * limit);
    return { total, entries: parse(rows) };
  }

  async all(actorId: string): Promise<AuditEntry[]> {
    return parse(this.statements.all.all(actorId));
  }
}
