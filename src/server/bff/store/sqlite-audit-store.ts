import { auditEntrySchema, type AuditEntry } from '../../../shared/audit.js';
import {
  AUDIT_KEEP_REFUSED,
  AUDIT_KEEP_SUCCEEDED,
  AUDIT_RETENTION_MS,
  dayOf,
  hourOf,
  overRefusedLimit,
  refusedMoreEntry,
  type AuditStore,
} from './audit-store.js';
import type { SessionsDb } from './sessions-db.js';

interface EntryRow {
  entry: string;
}

/** The ceilings are checked every this many rows (a trail may pass one by as many). */
const CEILING_EVERY = 64;

function parseEntry(json: string): AuditEntry | undefined {
  const parsed = auditEntrySchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

const parse = (rows: EntryRow[]): AuditEntry[] =>
  rows.flatMap((row) => parseEntry(row.entry) ?? []);

/** The audit trail in the sign-in server's own SQLite file (the sessions database). */
export class SqliteAuditStore implements AuditStore {
  private readonly statements;

  constructor(private readonly db: SessionsDb) {
    this.statements = {
      insert: db.prepare<
        [userId: string, entryId: string, refused: number, at: number, entry: string]
      >('INSERT INTO audit_trail (user_id, entry_id, refused, at, entry) VALUES (?, ?, ?, ?, ?)'),
      refusedCounts: db.prepare<
        [hour: number, actorId: string, dayStart: number],
        { thisHour: number; today: number }
      >(
        `SELECT COALESCE(SUM(CASE WHEN hour = ? THEN recorded END), 0) AS thisHour,
           COALESCE(SUM(recorded), 0) AS today
         FROM audit_refused_counts WHERE actor_id = ? AND hour >= ?`,
      ),
      countRefused: db.prepare<[actorId: string, hour: number]>(
        `INSERT INTO audit_refused_counts (actor_id, hour, recorded) VALUES (?, ?, 1)
         ON CONFLICT (actor_id, hour) DO UPDATE SET recorded = recorded + 1`,
      ),
      forgetCounts: db.prepare<[beforeHour: number]>(
        'DELETE FROM audit_refused_counts WHERE hour < ?',
      ),
      find: db.prepare<[userId: string, entryId: string], EntryRow>(
        'SELECT entry FROM audit_trail WHERE user_id = ? AND entry_id = ?',
      ),
      update: db.prepare<[entry: string, entryId: string, userId: string, forId: string]>(
        'UPDATE audit_trail SET entry = ? WHERE entry_id = ? AND user_id IN (?, ?)',
      ),
      expire: db.prepare<[before: number]>('DELETE FROM audit_trail WHERE at < ?'),
      ceiling: db.prepare<[userId: string, refused: number, keep: number]>(
        `DELETE FROM audit_trail WHERE seq IN (
           SELECT seq FROM audit_trail WHERE user_id = ? AND refused = ?
           ORDER BY at DESC, seq DESC LIMIT -1 OFFSET ?)`,
      ),
      count: db.prepare<[userId: string, after: number], { n: number }>(
        'SELECT COUNT(*) AS n FROM audit_trail WHERE user_id = ? AND at >= ?',
      ),
      page: db.prepare<[userId: string, after: number, limit: number, offset: number], EntryRow>(
        `SELECT entry FROM audit_trail WHERE user_id = ? AND at >= ?
         ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?`,
      ),
      all: db.prepare<[userId: string, after: number], EntryRow>(
        'SELECT entry FROM audit_trail WHERE user_id = ? AND at >= ? ORDER BY at DESC, seq DESC',
      ),
    };
  }

  async record(entry: AuditEntry): Promise<void> {
    const at = Date.parse(entry.At);
    const refused = entry.Outcome === 'Failed' ? 1 : 0;
    const users = entry.ForId === entry.ActorId ? [entry.ActorId] : [entry.ActorId, entry.ForId];
    const s = this.statements;
    this.db.transaction(() => {
      if (refused) {
        const hour = hourOf(at);
        const counts = s.refusedCounts.get(hour, entry.ActorId, dayOf(at) * 24);
        if (counts && overRefusedLimit(counts.thisHour, counts.today)) {
          this.countRefusedMore(entry, at, users);
          return;
        }
        s.countRefused.run(entry.ActorId, hour);
      }
      let seq = 0;
      for (const user of users) {
        seq = Number(
          s.insert.run(user, entry.Id, refused, at, JSON.stringify(entry)).lastInsertRowid,
        );
      }
      s.expire.run(Date.now() - AUDIT_RETENTION_MS);
      if (seq % CEILING_EVERY < users.length) {
        for (const user of users) {
          s.ceiling.run(user, refused, refused ? AUDIT_KEEP_REFUSED : AUDIT_KEEP_SUCCEEDED);
        }
        s.forgetCounts.run(hourOf(Date.now()) - 48);
      }
    })();
  }

  /** Adds a refused write over the limit to the actor's `refused-more` entry for that agent and day. */
  private countRefusedMore(entry: AuditEntry, at: number, users: string[]): void {
    const s = this.statements;
    const id = refusedMoreEntry(entry, 1, entry.At).Id;
    const kept = s.find.get(entry.ActorId, id);
    const counted = kept ? parseEntry(kept.entry) : undefined;
    if (counted) {
      const next = refusedMoreEntry(counted, (counted.Count ?? 1) + 1, entry.At);
      s.update.run(JSON.stringify(next), id, entry.ActorId, entry.ForId);
      return;
    }
    const first = JSON.stringify(refusedMoreEntry(entry, 1, entry.At));
    for (const user of users) s.insert.run(user, id, 1, at, first);
  }

  async page(userId: string, page: number, limit: number) {
    const after = Date.now() - AUDIT_RETENTION_MS;
    const total = this.statements.count.get(userId, after)?.n ?? 0;
    const rows = this.statements.page.all(userId, after, limit, (page - 1) * limit);
    return { total, entries: parse(rows) };
  }

  async all(userId: string): Promise<AuditEntry[]> {
    return parse(this.statements.all.all(userId, Date.now() - AUDIT_RETENTION_MS));
  }
}
