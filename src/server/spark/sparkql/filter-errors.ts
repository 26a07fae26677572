import { SparkError } from '../errors.js';
import { SparkCode } from '../../../shared/spark-codes.js';

export const MAX_FILTER_LENGTH = 4000;
export const MAX_EXPRESSIONS = 75;
export const MAX_NESTING = 2;
export const MAX_LIST_VALUES = 200;

function sparkQlError(code: number, token: string, message: string): SparkError {
  return new SparkError(400, code, message, {
    sparkQlErrors: [{ Token: token, Status: 'Fatal', Message: message }],
  });
}

/** 400/1040 naming the offending token, as Spark reports a bad `_filter`. */
export function filterInvalid(token: string, message: string): SparkError {
  return sparkQlError(SparkCode.FilterInvalid, token, message);
}

/** 400/1041: a limit (length, nesting, expressions, values in a list), naming where it is crossed. */
export function filterTooComplex(token: string, message: string): SparkError {
  return sparkQlError(SparkCode.FilterTooComplex, token, message);
}
