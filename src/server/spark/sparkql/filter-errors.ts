import { SparkError } from '../errors.js';
import { SparkCode } from '../../../shared/spark-codes.js';

export const MAX_FILTER_LENGTH = 4000;
export const MAX_EXPRESSIONS = 75;
export const MAX_NESTING = 2;

/** 400/1040 naming the offending token, as Spark reports a bad `_filter`. */
export function filterInvalid(token: string, message: string): SparkError {
  return new SparkError(400, SparkCode.FilterInvalid, message, {
    sparkQlErrors: [{ Token: token, Status: 'Fatal', Message: message }],
  });
}

/** 400/1041: the filter is too long, too deep or has too many expressions. */
export function filterTooComplex(message: string): SparkError {
  return new SparkError(400, SparkCode.FilterTooComplex, message);
}
