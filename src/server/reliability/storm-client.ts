import { z } from 'zod';
import { sparkWriteSchema } from '../../shared/envelope.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../config.js';

/** One request a client sent and what it got back (status 0: no answer, e.g. the server died). */
export interface LoggedRequest {
  client: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  json?: unknown;
}

export interface StormClient {
  name: string;
  call(method: string, path: string, body?: unknown): Promise<LoggedRequest>;
}

export const STRESS_SCALE = Math.max(1, Number(process.env.STRESS_SCALE ?? '1') || 1);

const USER_AGENT = 'ReliabilityTest/1.0';

/** Every answer, in the order they arrived. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    return entry;
  }

  get acknowledged(): number {
    return this.entries.filter((e) => e.status >= 200 && e.status < 300).length;
  }

  get serverErrors(): LoggedRequest[] {
    return this.entries.filter((e) => e.status >= 500);
  }

  get unanswered(): number {
    return this.entries.filter((e) => e.status === 0).length;
  }
}

async function send(
  log: RequestLog,
  client: string,
  url: string,
  init: { method: string; path: string; headers: Record<string, string>; body?: unknown },
): Promise<LoggedRequest> {
  const headers = { ...init.headers };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const entry: LoggedRequest = { client, method: init.method, path: init.path, status: 0 };
  if (init.body !== undefined) entry.body = init.body;
  try {
    const response = await fetch(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    entry.status = response.status;
    const text = await response.text();
    entry.json = text ? JSON.parse(text) : undefined;
  } catch {
    entry.status = 0;
  }
  return log.record(entry);
}

/** A Spark client calling the emulator directly with its own access token. */
export function directClient(
  baseUrl: string,
  token: string,
  log: RequestLog,
  name = token.slice(0, 12),
): StormClient {
  return {
    name,
    call: (method, path, body) =>
      send(log, name, `${baseUrl}/spark${path}`, {
        method,
        path,
        body,
        headers: { Authorization: `OAuth ${token}`, 'X-SparkApi-User-Agent': USER_AGENT },
      }),
  };
}

/** The browser app's path: the BFF proxy at /api with a session cookie. */
export function bffClient(
  baseUrl: string,
  cookie: string,
  log: RequestLog,
  name = 'bff',
): StormClient {
  return {
    name,
    call: (method, path, body) =>
      send(log, name, `${baseUrl}/api${path}`, {
        method,
        path,
        body,
        headers: { Cookie: cookie, 'X-Requested-With': 'PortalGroupsAdmin' },
      }),
  };
}

/** A fresh access token for `accountId` through the emulator's OAuth code flow. */
export async function mintToken(
  baseUrl: string,
  publicUrl: string,
  accountId: string,
): Promise<string> {
  const redirectUri = `${publicUrl}/auth/callback`;
  const authorize = await fetch(`${baseUrl}/spark/oauth2`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      response_type: 'code',
      client_id: DEMO_CLIENT_ID,
      redirect_uri: redirectUri,
      state: 'reliability',
      account: accountId,
    }).toString(),
    redirect: 'manual',
  });
  const code = new URL(authorize.headers.get('location') ?? 'about:blank').searchParams.get('code');
  if (!code) throw new Error(`authorize answered ${authorize.status}`);
  const grant = await fetch(`${baseUrl}/spark/v1/oauth2/grant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': USER_AGENT },
    body: JSON.stringify({
      client_id: DEMO_CLIENT_ID,
      client_secret: DEMO_CLIENT_SECRET,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    }),
  });
  const json = grantSchema.safeParse(await grant.json());
  if (!json.success) throw new Error(`grant answered ${grant.status}`);
  return json.data.access_token;
}

const grantSchema = z.object({ access_token: z.string().min(1) });

/** Runs `tasks` with at most `width` of them in flight at once. */
export async function runPool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
  return results;
}

/** The Id at the end of a created resource's ResourceUri. */
export function createdId(entry: LoggedRequest): string {
  const json = sparkWriteSchema.safeParse(entry.json);
  const uri = json.success ? (json.data.D.Results?.[0]?.ResourceUri ?? '') : '';
  return uri.split('/').pop() ?? '';
}

const firstIdSchema = z.object({ D: z.object({ Results: z.array(z.object({ Id: z.string() })) }) });

/** The Id of the first result of a read (undefined: none). */
export function firstResultId(json: unknown): string | undefined {
  const parsed = firstIdSchema.safeParse(json);
  return parsed.success ? parsed.data.D.Results[0]?.Id : undefined;
}
