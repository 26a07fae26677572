import { z } from 'zod';
import { paginationSchema } from './envelope.js';

/** One write made through the sign-in server, or one agent added or removed. */
export const auditEntrySchema = z.object({
  Id: z.string(),
  /** ISO 8601, UTC. */
  At: z.string(),
  /** Who was signed in (the session's own user). */
  ActorId: z.string(),
  ActorName: z.string(),
  /** Whose token the write used (the actor's own, or an agent's). */
  ForId: z.string(),
  ForName: z.string(),
  Method: z.string(),
  /** The path without its query string. */
  Path: z.string(),
  /** Short words, e.g. "Remove portal group 2024…", "Add agent Jordan Lee". */
  Action: z.string(),
  /** The HTTP status answered. */
  Status: z.number().int(),
  Outcome: z.enum(['Succeeded', 'Failed']),
  /** The Spark code of a failure, when it had one. */
  Code: z.number().int().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_LIMIT_MAX = 200;
export const AUDIT_PAGE_LIMIT_DEFAULT = 50;

/** `GET /auth/audit?_page&_limit`. */
export const auditQuerySchema = z.object({
  _page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  _limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(AUDIT_PAGE_LIMIT_MAX)
    .default(AUDIT_PAGE_LIMIT_DEFAULT),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The answer of `GET /auth/audit`: the caller's own trail, newest first. */
export const auditPageSchema = z.object({
  D: z.object({
    Success: z.literal(true),
    Results: z.array(auditEntrySchema),
    Pagination: paginationSchema,
  }),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The columns of `GET /auth/audit.csv`, in order. */
export const AUDIT_CSV_COLUMNS = [
  'At',
  'ActorId',
  'ActorName',
  'ForId',
  'ForName',
  'Method',
  'Path',
  'Action',
  'Status',
  'Outcome',
  'Code',
  'Id',
] as const satisfies readonly (keyof AuditEntry)[];
