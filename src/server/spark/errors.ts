import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
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

/**
 * A path or query parameter the route's schema refused: a path Id that is not 26 digits names
 * nothing (spec §1), anything else is 400/1053 naming the first issue.
 */
export function schemaFailure(
  context: string,
  first: { name: string; message?: string } | undefined,
): SparkError {
  if (context === 'params') return notFound('Resource');
  return invalidParameter(`${first?.name || context}: ${first?.message}`);
}

const BAD_BODY_CODES = new Set([
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
]);

function isFastifyError(error: unknown): error is Partial<FastifyError> {
  return typeof error === 'object' && error !== null;
}

/** Any failure as the Spark error it is answered with. */
export function toSparkError(error: unknown): SparkError {
  if (error instanceof SparkError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    return schemaFailure(
      error.validationContext ?? '',
      issue && {
        name: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: issue.message,
      },
    );
  }
  const fastifyError = isFastifyError(error) ? error : {};
  if (fastifyError.validation) return invalidParameter('The request is not valid.');
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new SparkError(413, SparkCode.InvalidParameter, 'The request body is too large.');
  }
  if (fastifyError.code && BAD_BODY_CODES.has(fastifyError.code)) {
    return new SparkError(
      400,
      SparkCode.BadBody,
      'The request body must be JSON sent as application/json.',
    );
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return invalidParameter('The request is not valid.');
  return new SparkError(500, SparkCode.InternalError, 'An unexpected error occurred.');
}
