import type { z } from 'zod';
import { SparkCode } from '../../shared/spark-codes.js';
import { SparkError, invalidParameter, missingParameter, schemaFailure } from './errors.js';

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

/** `D.Users[2].Id` style name of the attribute an issue is about. */
export function attributeName(path: readonly PropertyKey[]): string {
  const inner = path[0] === 'D' ? path.slice(1) : path;
  return inner
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`))
    .join('');
}

function isMissing(issue: Issue, input: unknown): boolean {
  const shapeIssue = issue.code === 'invalid_type' || issue.code === 'invalid_union';
  return shapeIssue && valueAt(input, issue.path) === undefined;
}

/** Zod issues as a Spark failure: 1050 when something required is missing, else 1053. */
export function issuesToSparkError(issues: readonly Issue[], input: unknown): SparkError {
  const missing = issues.find((issue) => isMissing(issue, input));
  const first = missing ?? issues[0];
  const name = first ? attributeName(first.path) : '';
  if (missing) return missingParameter(`${name} is required.`);
  return invalidParameter(
    name ? `${name}: ${first?.message ?? 'invalid'}` : 'Invalid request.',
    issues.map((issue) => ({
      Type: 'InvalidAttribute',
      Attribute: attributeName(issue.path),
      Message: issue.message,
    })),
  );
}

/** Route params or query string against their schema, refused as `schemaFailure` says. */
export function parseInput<T extends z.ZodType>(
  context: 'params' | 'querystring',
  schema: T,
  input: unknown,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw schemaFailure(context, issue && { name: issue.path.join('.'), message: issue.message });
}

const badBody = (message: string) => new SparkError(400, SparkCode.BadBody, message);

/** A JSON request body as sent (UTF-8 only; none when empty), or 400/1035. */
export function parseJsonText(contentType: string | undefined, text: string): unknown {
  const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) throw badBody('JSON must be sent as UTF-8.');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badBody('The request body is not valid JSON.');
  }
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw issuesToSparkError(result.error.issues, input);
  return result.data;
}

/** A write's body: must have been sent as a JSON object (400/1035 otherwise). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SparkError(
      400,
      SparkCode.BadBody,
      'The request body must be a JSON object sent as application/json.',
    );
  }
  return parseWith(schema, body);
}
