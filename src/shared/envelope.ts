import { z } from 'zod';

/** One attribute-level problem in a failed request. */
export const sparkFieldErrorSchema = z.object({
  Type: z.string(),
  Attribute: z.string(),
  Message: z.string(),
});

export const sparkQlErrorSchema = z.object({
  Token: z.string(),
  Status: z.literal('Fatal'),
  Message: z.string(),
});

export const sparkFailureSchema = z.object({
  D: z.object({
    Success: z.literal(false),
    Code: z.number().int(),
    Message: z.string(),
    Errors: z.array(sparkFieldErrorSchema).optional(),
    SparkQLErrors: z.array(sparkQlErrorSchema).optional(),
  }),
});
export type SparkFailure = z.infer<typeof sparkFailureSchema>;

export const paginationSchema = z.object({
  TotalRows: z.number().int(),
  PageSize: z.number().int(),
  TotalPages: z.number().int(),
  CurrentPage: z.number().int(),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** `{"D":{"Success":true,"Results":[...]}}`, with Pagination when asked for. */
export function sparkResultsSchema<T extends z.ZodType>(item: T) {
  return z.object({
    D: z.object({
      Success: z.literal(true),
      Results: z.array(item),
      Pagination: paginationSchema.optional(),
    }),
  });
}

/** `{"D":{"Success":true}}` for a write; 201 creates carry one ResourceUri. */
export const sparkWriteSchema = z.object({
  D: z.object({
    Success: z.literal(true),
    Results: z.array(z.object({ ResourceUri: z.string() })).optional(),
  }),
});
export type SparkWrite = z.infer<typeof sparkWriteSchema>;

/** Wraps a request body the Spark way. */
export function sparkBodySchema<T extends z.ZodType>(inner: T) {
  return z.object({ D: inner });
}

/** Timestamps: the emulator writes `Z`; the real API also returns offsets and no zone. */
export const sparkTimestampSchema = z.iso.datetime({ offset: true, local: true });

/** A Spark Id, 26 digits (spec §1): the one definition, for patterns that find Ids in paths. */
export const SPARK_ID_SOURCE = '\\d{26}';
export const sparkIdPattern = new RegExp(`^${SPARK_ID_SOURCE}$`);
export const sparkIdSchema = z.string().regex(sparkIdPattern);

/*
 * The schemas above describe what the emulator sends (its answers are checked against them).
 * Those below are what a client accepts from any Spark, the real API included (spec Appendix A):
 * unknown keys are dropped, and the shapes only the real API sends are read too.
 */

/** `Errors` entries: InvalidRecord, InvalidAttribute, RuleViolation, ... possibly nested. */
export interface SparkErrorEntry {
  Type?: string;
  Message?: string;
  Attribute?: string;
  Record?: string;
  Rule?: string;
  Errors?: SparkErrorEntry[];
}
export const sparkErrorEntryReadSchema: z.ZodType<SparkErrorEntry> = z.lazy(() =>
  z.object({
    Type: z.string().optional(),
    Message: z.string().optional(),
    Attribute: z.string().optional(),
    Record: z.string().optional(),
    Rule: z.string().optional(),
    Errors: z.array(sparkErrorEntryReadSchema).optional(),
  }),
);

export const sparkQlErrorReadSchema = z.object({
  Token: z.string(),
  Status: z.enum(['Dropped', 'Fatal', 'Recovered']),
  Message: z.string().optional(),
});

/** A failure as any Spark sends it: Code and Message may even be missing. */
export const sparkFailureReadSchema = z.object({
  D: z.object({
    Success: z.literal(false),
    Code: z.number().int().optional(),
    Message: z.string().optional(),
    Errors: z.array(sparkErrorEntryReadSchema).optional(),
    SparkQLErrors: z.array(sparkQlErrorReadSchema).optional(),
  }),
});
export type SparkFailureRead = z.infer<typeof sparkFailureReadSchema>;

/** Paging with `_skip` answers `CurrentOffset` instead of `CurrentPage`; both read as a page. */
export const paginationReadSchema = z
  .object({
    TotalRows: z.number().int().min(0),
    PageSize: z.number().int().min(0),
    TotalPages: z.number().int().min(0),
    CurrentPage: z.number().int().min(0).optional(),
    CurrentOffset: z.number().int().min(0).optional(),
  })
  .transform(({ CurrentOffset, CurrentPage, ...rest }): Pagination => ({
    ...rest,
    CurrentPage:
      CurrentPage ?? (rest.PageSize > 0 ? Math.floor((CurrentOffset ?? 0) / rest.PageSize) + 1 : 1),
  }));

/** A read as any Spark answers it; `_pagination=count` may come without `Results`. */
export function sparkResultsReadSchema<T extends z.ZodType>(item: T) {
  return z.object({
    D: z.object({
      Success: z.literal(true),
      Results: z.array(item).default([]),
      Pagination: paginationReadSchema.optional(),
    }),
  });
}
