import { z } from 'zod';
import { isTimeZone } from './local-time.js';
import { paginationSchema, sparkIdSchema } from './envelope.js';

/** What a recorded change was, worked out by the server from the write itself. */
export const auditKindSchema = z.enum([
  'member-remove',
  'members-add',
  'circle-create',
  'circle-delete',
  'circle-change',
  'favorites-add',
  'favorites-remove',
  'portal-on',
  'portal-off',
  'portal-change',
  'portal-create',
  'contact-create',
  'contact-change',
  'contact-delete',
  'current-select',
  'current-clear',
  'agent-add',
  'agent-remove',
  /** Refused writes beyond the limit, counted in one entry (Count) instead of one each. */
  'refused-more',
  'cart-add',
  'cart-remove',
  /** A listing added to a cart as it was taken out of another (a move between portal carts). */
  'cart-move',
  'other',
]);
export type AuditKind = z.infer<typeof auditKindSchema>;

/** Someone a change concerned: a member added or removed, a contact whose portal changed. */
export const auditPersonSchema = z.object({
  Id: z.string(),
  /** As the app showed it when the change was made (absent when it was not known). */
  Name: z.string().optional(),
});
export type AuditPerson = z.infer<typeof auditPersonSchema>;

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
  /** Short technical words, e.g. "Remove member 2024… from group 2023…", "Add agent Jordan Lee". */
  Action: z.string(),
  /** The HTTP status answered. */
  Status: z.number().int(),
  Outcome: z.enum(['Succeeded', 'Failed']),
  /** The Spark code of a failure, when it had one. */
  Code: z.number().int().optional(),
  // Entries recorded before these existed have none of them (their words come from the path).
  /** A kind this version does not know reads as none. */
  Kind: auditKindSchema.optional().catch(undefined),
  /** The app said this write took back an earlier change (Undo). */
  Undo: z.boolean().optional(),
  /** The circle written to (its Id is its owner's portal account Id) and its owner's name. */
  CircleId: z.string().optional(),
  CircleName: z.string().optional(),
  People: z.array(auditPersonSchema).optional(),
  /** A `refused-more` entry: how many refused writes it stands for, the last one's time. */
  Count: z.number().int().min(1).optional(),
  Until: z.string().optional(),
  /** A listing cart written to (its listings are in People), by the name the app showed. */
  Cart: z.string().optional(),
  /** A `cart-move`: the cart the listings came out of, by the name the app showed. */
  FromCart: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_LIMIT_MAX = 200;
export const AUDIT_PAGE_LIMIT_DEFAULT = 50;

/** Narrows the trail (page and CSV): for one agent, in one circle, between two instants. */
export const auditFilterSchema = z
  .object({
    agent: sparkIdSchema.optional(),
    circle: sparkIdSchema.optional(),
    /** Inclusive; an instant with its offset (the app sends the bounds of the user's local day). */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Exclusive. */
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine(({ from, to }) => !from || !to || Date.parse(from) <= Date.parse(to), {
    message: 'from must not be after to',
  });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** `GET /auth/audit.csv`: the filters, and the IANA time zone its times are written in. */
export const auditCsvQuerySchema = z.intersection(
  auditFilterSchema,
  z.object({
    tz: z.string().max(64).refine(isTimeZone, 'tz must be an IANA time zone').default('UTC'),
  }),
);

/** `GET /auth/audit?_page&_limit` and the filters. */
export const auditQuerySchema = z.intersection(
  auditFilterSchema,
  z.object({
    _page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    _limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(AUDIT_PAGE_LIMIT_MAX)
      .default(AUDIT_PAGE_LIMIT_DEFAULT),
  }),
);
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The answer of `GET /auth/audit`: the caller's trail (by her, and for her), newest first. */
export const auditPageSchema = z.object({
  D: z.object({
    Success: z.literal(true),
    Results: z.array(auditEntrySchema),
    Pagination: paginationSchema,
  }),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** `GET /auth/audit/filters`: the agents and circles the caller's trail names, to filter by. */
export const auditFiltersAnswerSchema = z.object({
  D: z.object({
    Success: z.literal(true),
    Agents: z.array(z.object({ Id: z.string(), Name: z.string() })),
    /** The latest name each circle had in the trail (none when no entry knew it). */
    Circles: z.array(z.object({ Id: z.string(), Name: z.string().optional(), ForId: z.string() })),
  }),
});
export type AuditFiltersAnswer = z.infer<typeof auditFiltersAnswerSchema>;

/**
 * The request header in which the app describes a write it sends through `/api`: the names it
 * showed for the Ids the write concerns, and whether it is an Undo. URI-encoded JSON (a header
 * carries only Latin-1, names do not). Only a label: the Ids in the path and body stay what counts.
 */
export const AUDIT_CONTEXT_HEADER = 'X-Audit-Context';

/** A header longer than this is ignored (the write still goes through). */
export const AUDIT_CONTEXT_MAX_LENGTH = 8_192;
export const AUDIT_NAME_MAX_LENGTH = 100;

// Control characters, and the invisible ones that reorder or hide text (a name could otherwise
// read as another in the trail).
const HIDDEN_CHARACTERS = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/gu;

/** A name the app showed, made safe to keep: no hidden characters, one space, at most 100. */
export const auditNameSchema = z
  .string()
  .max(AUDIT_NAME_MAX_LENGTH * 4)
  .transform((name) =>
    [...name.replace(HIDDEN_CHARACTERS, ' ').replace(/\s+/g, ' ').trim()]
      .slice(0, AUDIT_NAME_MAX_LENGTH)
      .join(''),
  )
  .pipe(z.string().min(1));

export const auditContextSchema = z.object({
  Undo: z.boolean().optional(),
  /** Listings added to a cart as the second half of a move: the cart they were taken out of. */
  MovedFrom: sparkIdSchema.optional(),
  /**
   * By Id: a circle's Id → its owner's name; a member's or contact's Id → theirs; a listing
   * cart's Id → its name; a listing's Id → its address.
   */
  Names: z
    .record(sparkIdSchema, auditNameSchema)
    .refine((names) => Object.keys(names).length <= 101, 'at most 101 names')
    .optional(),
});
export type AuditContext = z.infer<typeof auditContextSchema>;

export function encodeAuditContext(context: AuditContext): string {
  return encodeURIComponent(JSON.stringify(context));
}

/** The context a header carries, or none when it is missing, too long or not what it should be. */
export function decodeAuditContext(header: string | undefined): AuditContext | undefined {
  if (!header || header.length > AUDIT_CONTEXT_MAX_LENGTH) return undefined;
  try {
    const parsed = auditContextSchema.safeParse(JSON.parse(decodeURIComponent(header)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
