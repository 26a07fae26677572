import type { z } from 'zod';
import { sparkResultsReadSchema, sparkWriteSchema } from '../../shared/envelope.js';
import type { Pagination, SparkWrite } from '../../shared/envelope.js';
import { agentApiBase } from '../../shared/agents.js';
import { AUDIT_CONTEXT_HEADER, encodeAuditContext } from '../../shared/audit.js';
import type { AuditContext } from '../../shared/audit.js';
import type { Account } from '../account/account.js';
import { APP_REQUEST_HEADERS } from '../boot/app-headers.js';
import { takeEarlyRead } from '../boot/early-reads.js';
import { forgetAnswer, ifNoneMatch, keepAnswer, keptAnswer } from './revalidation.js';
import { checkActingFor, parse, readAnswer, SparkApiError } from './spark-answer.js';

export { SparkApiError, WRONG_ACCOUNT } from './spark-answer.js';

interface SparkRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under /v1, e.g. `/portal/groups`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** The inner object of a write body; it is wrapped in `D`. */
  body?: unknown;
  signal?: AbortSignal;
  /** A write's names as the app showed them, and whether it is an Undo, for the audit trail. */
  audit?: AuditContext;
}

/** A request to the Spark API for `account`: its own path, and its answer checked to be its. */
async function send(account: Account, request: SparkRequest): Promise<unknown> {
  try {
    return await sendFor(account, request);
  } catch (error) {
    if (error instanceof SparkApiError) error.forAgent = account.agentId;
    throw error;
  }
}

async function sendFor(
  account: Account,
  { method = 'GET', path, query, body, signal, audit }: SparkRequest,
): Promise<unknown> {
  const { agentId } = account;
  const base = agentId ? `${agentApiBase(agentId)}/v1` : '/api/v1';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  const url = `${base}${path}${qs ? `?${qs}` : ''}`;
  const read = method === 'GET';
  const response = await exchange(url, {
    method,
    signal,
    sent: read ? takeEarlyRead(url) : null,
    body: body === undefined ? undefined : { D: body },
    headers: {
      ...(read ? ifNoneMatch(url) : {}),
      ...(audit ? { [AUDIT_CONTEXT_HEADER]: encodeAuditContext(audit) } : {}),
    },
  });
  checkActingFor(response, account);
  if (read && response.status === 304) {
    const kept = keptAnswer(url);
    if (kept !== undefined) return kept;
    // Forgotten while it was asked for (signed out, or pushed out): ask once for the whole
    // answer, without the tag, so that no further 304 can send it round again.
    forgetAnswer(url);
    return sendFor(account, { method, path, query, signal });
  }
  const json = await readAnswer(response, method);
  if (read) keepAnswer(url, response, json);
  return json;
}

interface Exchange {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The whole JSON body, sent as it is. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** The same request, already sent (a first visit's first reads, `boot/early-reads.ts`). */
  sent?: Promise<Response> | null;
}

/**
 * One request to the app's own server (`/api` or `/auth`), with its cookie and CSRF header; a
 * failure to reach it is a `SparkApiError` with code 0.
 */
async function exchange(url: string, { method = 'GET', body, signal, headers, sent }: Exchange) {
  try {
    if (sent) return await sent;
    return await fetch(url, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        ...APP_REQUEST_HEADERS,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SparkApiError('Network error', 0, 0);
  }
}

/** A read: the `Results` array, parsed with `item`, and Pagination when asked for. */
export async function sparkRead<T extends z.ZodType>(
  account: Account,
  item: T,
  request: SparkRequest,
): Promise<{ results: z.infer<T>[]; pagination?: Pagination }> {
  const json = await send(account, request);
  const { D } = parse(sparkResultsReadSchema(item), json);
  return { results: D.Results, pagination: D.Pagination };
}

/** A write: `{"D":{"Success":true}}`, with the created ResourceUri for a 201. */
export async function sparkWrite(
  account: Account,
  request: SparkRequest,
): Promise<SparkWrite['D']> {
  const json = await send(account, request);
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
