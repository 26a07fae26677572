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

/** 26-digit Spark Id. */
export const sparkIdSchema = z.string().regex(/^\d{26}$/);
