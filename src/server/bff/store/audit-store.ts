import type { AuditEntry } from '../../../shared/audit.js';

/** Entries kept per actor, newest first; older ones are dropped as new ones come (our choice). */
export const AUDIT_KEEP_PER_ACTOR = 10_000;

/** The audit trail, in the store the sessions live in (SQLite, or Redis when `REDIS_URL`). */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** One page of an actor's own trail, newest first (`page` from 1), and how many there are. */
  page(
    actorId: string,
    page: number,
    limit: number,
  ): Promise<{ total: number; entries: AuditEntry[] }>;
  /** An actor's whole trail, newest first. */
  all(actorId: string): Promise<AuditEntry[]>;
}
