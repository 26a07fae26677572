import type { AuditEntry } from '../../../shared/audit.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long an entry is kept (our choice): a year, then it goes, whatever else came. */
export const AUDIT_RETENTION_DAYS = 365;
export const AUDIT_RETENTION_MS = AUDIT_RETENTION_DAYS * DAY_MS;

/**
 * Refused writes recorded one by one, per actor (whoever she wrote for): at most this many in a
 * clock hour and in a UTC day. Beyond them a refused write only adds to the count of one
 * `refused-more` entry per actor, agent and day, so a flood of refused writes cannot bury
 * anything: it never takes the place of another entry.
 */
export const AUDIT_REFUSED_PER_HOUR = 20;
export const AUDIT_REFUSED_PER_DAY = 100;

/**
 * Ceilings of one user's trail (hers and what was done for her), that keep the store bounded
 * whatever happens; each counts one kind only, so refused writes never push out a succeeded one.
 * One actor cannot reach the refused one within the retention (100 a day, a summary a day).
 */
export const AUDIT_KEEP_SUCCEEDED = 100_000;
export const AUDIT_KEEP_REFUSED = 50_000;

/** The hour and the UTC day an instant falls in, as numbers (hours and days since 1970). */
export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** Whether a refused write of `actor` is over the limit, given what was recorded this hour and day. */
export const overRefusedLimit = (thisHour: number, today: number) =>
  thisHour >= AUDIT_REFUSED_PER_HOUR || today >= AUDIT_REFUSED_PER_DAY;

/** The one entry that counts an actor's refused writes for an agent on a day beyond the limit. */
export function refusedMoreEntry(first: AuditEntry, count: number, until: string): AuditEntry {
  const day = new Date(dayOf(Date.parse(first.At)) * DAY_MS).toISOString().slice(0, 10);
  return {
    Id: `refused-more-${day}-${first.ActorId}-${first.ForId}`,
    At: first.At,
    ActorId: first.ActorId,
    ActorName: first.ActorName,
    ForId: first.ForId,
    ForName: first.ForName,
    Method: '',
    Path: '',
    Action: `Refused writes not recorded one by one: ${count}`,
    Status: 0,
    Outcome: 'Failed',
    Kind: 'refused-more',
    Count: count,
    Until: until,
  };
}

/**
 * The audit trail, in the store the sessions live in (SQLite, or Redis when `REDIS_URL`). A
 * user's trail is what she did (for herself or an agent) and what others did for her.
 */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** One page of a user's trail, newest first (`page` from 1), and how many there are. */
  page(
    userId: string,
    page: number,
    limit: number,
  ): Promise<{ total: number; entries: AuditEntry[] }>;
  /** A user's whole trail, newest first. */
  all(userId: string): Promise<AuditEntry[]>;
}
