// How an answer of the app's server becomes data, or a `SparkApiError` the app can put in words.
import type { z } from 'zod';
import { sparkFailureReadSchema } from '../../shared/envelope.js';
import type { SparkErrorEntry, SparkFailureRead } from '../../shared/envelope.js';
import { ACTING_FOR_HEADER } from '../../shared/agents.js';
import type { Account } from '../account/account.js';

/** A failed request: the Spark `Code` when the server gave one, else 0 (network) or -1 (bad answer). */
export class SparkApiError extends Error {
  /** The agent the request was for (null or unset: the user's own account). */
  forAgent: string | null = null;
  constructor(
    message: string,
    readonly status: number,
    readonly code: number,
    readonly retryAfterSeconds?: number,
    /** The server's `X-Request-Id` of the answer, to trace it in the logs. */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'SparkApiError';
  }
  get isNetwork() {
    return this.code === 0;
  }
}

/** Codes of answers the app discards itself (never Spark's). */
export const WRONG_ACCOUNT = -2;

/** The answer's JSON; a failure, in Spark's envelope or not, is a `SparkApiError` with its message. */
export async function readAnswer(response: Response, method: string): Promise<unknown> {
  const json: unknown = await response.json().catch(() => undefined);
  const failure = sparkFailureReadSchema.safeParse(json);
  // Spark may also answer a failure with HTTP 200 and `Success: false`.
  if (!response.ok || failure.success) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new SparkApiError(
      (failure.success && failureMessage(failure.data.D)) || `HTTP ${response.status}`,
      response.status,
      (failure.success && failure.data.D.Code) || (response.ok ? -1 : response.status),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      response.headers.get('X-Request-Id') ?? undefined,
    );
  }
  // A write accepted for later (202) or answered with no content still succeeded.
  return json === undefined && method !== 'GET' ? { D: { Success: true } } : json;
}

/**
 * An answer made with another account's token than the request was for is discarded: it must
 * never be cached or shown as that account's data.
 */
export function checkActingFor(response: Response, { agentId, userId }: Account) {
  const answeredFor = response.headers.get(ACTING_FOR_HEADER);
  const expected = agentId ?? userId;
  const mismatch = answeredFor
    ? expected !== undefined && answeredFor !== expected
    : agentId !== null && response.ok;
  if (mismatch) {
    throw new SparkApiError(
      'The answer was for another account than the one asked for, so it was not used. Reload the page.',
      response.status,
      WRONG_ACCOUNT,
      undefined,
      response.headers.get('X-Request-Id') ?? undefined,
    );
  }
}

function firstMessage(errors: SparkErrorEntry[] | undefined): string | undefined {
  for (const entry of errors ?? []) {
    const message = entry.Message ?? firstMessage(entry.Errors);
    if (message) return entry.Attribute ? `${entry.Attribute}: ${message}` : message;
  }
  return undefined;
}

/** Spark's Message, else the first attribute or SparkQL problem it names. */
function failureMessage(d: SparkFailureRead['D']): string | undefined {
  const sparkQl = d.SparkQLErrors?.find((error) => error.Status !== 'Recovered');
  return (
    d.Message ||
    firstMessage(d.Errors) ||
    (sparkQl && (sparkQl.Message ?? `The search could not use ${sparkQl.Token}`))
  );
}

/** An answer that is not what Spark sends: the error names where it went wrong. */
export function parse<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> {
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new SparkApiError(
      `Unexpected answer from the server (${where}${issue?.message ?? 'unreadable'})`,
      200,
      -1,
    );
  }
  return result.data;
}
