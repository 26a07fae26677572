import type { z } from 'zod';
import {
  sparkFailureReadSchema,
  sparkResultsReadSchema,
  sparkWriteSchema,
} from '../../shared/envelope.js';
import { ACTING_FOR_HEADER, agentApiBase } from '../../shared/agents.js';
import { actingFor, getOwnAccountId } from './acting-for.js';
import type {
  Pagination,
  SparkErrorEntry,
  SparkFailureRead,
  SparkWrite,
} from '../../shared/envelope.js';

/** Header every app request carries: the server refuses writes without it (CSRF guard). */
export const APP_HEADER = { 'X-Requested-With': 'PortalGroupsAdmin' } as const;

/** A failed request: the Spark `Code` when the server gave one, else 0 (network) or -1 (bad answer). */
export class SparkApiError extends Error {
  /** The agent the request was for (null or unset: the user's own account). */
  forAgent: string | null = null;
  constructor(
    message: string,
    readonly status: number,
    readonly code: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SparkApiError';
  }
  get isNetwork() {
    return this.code === 0;
  }
}

export interface SparkRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under /v1, e.g. `/portal/groups`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** The inner object of a write body; it is wrapped in `D`. */
  body?: unknown;
  signal?: AbortSignal;
  /** For whom: an agent's Id, null for the own account; by default whom this tab acts for. */
  agent?: string | null;
}

/** Codes of answers the app discards itself (never Spark's). */
export const WRONG_ACCOUNT = -2;

async function send({
  method = 'GET',
  path,
  query,
  body,
  signal,
  agent: given,
}: SparkRequest): Promise<unknown> {
  const agent = given === undefined ? actingFor() : given;
  try {
    return await sendFor(agent, given === undefined, { method, path, query, body, signal });
  } catch (error) {
    if (error instanceof SparkApiError) error.forAgent = agent;
    throw error;
  }
}

async function sendFor(
  agent: string | null,
  followsTab: boolean,
  { method = 'GET', path, query, body, signal }: SparkRequest,
): Promise<unknown> {
  const base = agent ? `${agentApiBase(agent)}/v1` : '/api/v1';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  const response = await exchange(`${base}${path}${qs ? `?${qs}` : ''}`, {
    method,
    signal,
    body: body === undefined ? undefined : { D: body },
  });
  checkActingFor(response, agent, method, followsTab);
  return readAnswer(response, method);
}

interface Exchange {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The whole JSON body, sent as it is. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One request to the app's own server (`/api` or `/auth`), with its cookie and CSRF header; a
 * failure to reach it is a `SparkApiError` with code 0.
 */
async function exchange(url: string, { method = 'GET', body, signal }: Exchange) {
  try {
    return await fetch(url, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        ...APP_HEADER,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SparkApiError('Network error', 0, 0);
  }
}

/** The answer's JSON; a failure, in Spark's envelope or not, is a `SparkApiError` with its message. */
async function readAnswer(response: Response, method: string): Promise<unknown> {
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
    );
  }
  // A write accepted for later (202) or answered with no content still succeeded.
  return json === undefined && method !== 'GET' ? { D: { Success: true } } : json;
}

/**
 * An answer made with another account's token than the request was for, or a read that answers
 * after the tab switched to another account, is discarded: it must never be cached or shown as
 * the data of the account now on screen.
 */
function checkActingFor(
  response: Response,
  agent: string | null,
  method: string,
  followsTab: boolean,
) {
  const answeredFor = response.headers.get(ACTING_FOR_HEADER);
  const expected = agent ?? getOwnAccountId();
  const mismatch = answeredFor
    ? expected !== undefined && answeredFor !== expected
    : agent !== null && response.ok;
  if (mismatch) {
    throw new SparkApiError(
      'The answer was for another account than the one asked for, so it was not used. Reload the page.',
      response.status,
      WRONG_ACCOUNT,
    );
  }
  if (followsTab && method === 'GET' && actingFor() !== agent) {
    throw new SparkApiError(
      'You switched accounts while this was loading.',
      response.status,
      WRONG_ACCOUNT,
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
function parse<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> {
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

/** A read: the `Results` array, parsed with `item`, and Pagination when asked for. */
export async function sparkRead<T extends z.ZodType>(
  item: T,
  request: SparkRequest,
): Promise<{ results: z.infer<T>[]; pagination?: Pagination }> {
  const json = await send(request);
  const { D } = parse(sparkResultsReadSchema(item), json);
  return { results: D.Results, pagination: D.Pagination };
}

/** A write: `{"D":{"Success":true}}`, with the created ResourceUri for a 201. */
export async function sparkWrite(request: SparkRequest): Promise<SparkWrite['D']> {
  const json = await send(request);
  return parse(sparkWriteSchema, json).D;
}

/**
 * A call to the sign-in server (`/auth/...`), through the same request and failure handling as
 * the Spark API; its answer parsed with `schema`, or none read when `schema` is null.
 */
export async function authRequest<T extends z.ZodType>(
  schema: T,
  path: string,
  options?: Exchange,
): Promise<z.infer<T>>;
export async function authRequest(schema: null, path: string, options?: Exchange): Promise<void>;
export async function authRequest<T extends z.ZodType>(
  schema: T | null,
  path: string,
  options: Exchange = {},
): Promise<z.infer<T> | undefined> {
  const response = await exchange(path, options);
  const json = await readAnswer(response, options.method ?? 'GET');
  return schema ? parse(schema, json) : undefined;
}
