import type { z } from 'zod';
import type {
  sparkFieldErrorSchema,
  sparkQlErrorSchema,
  SparkFailure,
} from '../../shared/envelope.js';
import { SparkCode } from '../../shared/spark-codes.js';

type FieldError = z.infer<typeof sparkFieldErrorSchema>;
type SparkQlError = z.infer<typeof sparkQlErrorSchema>;

/** A failure to answer in the Spark error envelope with this HTTP status and Code. */
export class SparkError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extra: {
      errors?: FieldError[];
      sparkQlErrors?: SparkQlError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }

  toBody(): SparkFailure {
    return {
      D: {
        Success: false,
        Code: this.code,
        Message: this.message,
        ...(this.extra.errors ? { Errors: this.extra.errors } : {}),
        ...(this.extra.sparkQlErrors ? { SparkQLErrors: this.extra.sparkQlErrors } : {}),
      },
    };
  }
}

export const notFound = (what = 'Record') =>
  new SparkError(404, SparkCode.NotFound, `${what} not found.`);

export const invalidParameter = (message: string, errors?: FieldError[]) =>
  new SparkError(400, SparkCode.InvalidParameter, message, errors ? { errors } : {});

export const missingParameter = (message: string) =>
  new SparkError(400, SparkCode.MissingParameter, message);

export const methodNotAllowed = (allow: string[]) =>
  new SparkError(405, SparkCode.MethodNotAllowed, 'Method not allowed on this resource.', {
    headers: { Allow: allow.join(', ') },
  });
