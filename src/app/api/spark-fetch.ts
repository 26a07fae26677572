import type { z } from 'zod';
import { sparkResultsReadSchema, sparkWriteSchema } from '../../shared/envelope.js';
import type { Pagination, SparkWrite } from '../../shared/envelope.js';
import { agentApiBase } from '../../shared/agents.js';
import { actingFor } from './acting-for.js';
import { checkActingFor, parse, readAnswer, SparkApiError } from './spark-answer.js';

export { SparkApiError, WRONG_ACCOUNT } from './spark-answer.js';

/** Header every app request carries: the server refuses writes without it (CSRF guard). */
export const APP_HEADER = { 'X-Requested-With': 'PortalGroupsAdmin' } as const;

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
