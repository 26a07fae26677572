import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

export interface SparkResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  json: any;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  userAgent?: string | null;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
}

const STACK_TRACE = /\bat .+:\d+:\d+|node_modules|\.ts:\d+/;

/** Calls the emulator over real HTTP, the way a Spark client does. */
export function sparkClient(server: TestServer, defaultToken = 'demo-private') {
  return async function call(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<SparkResponse> {
    const token = options.token === undefined ? defaultToken : options.token;
    const userAgent = options.userAgent === undefined ? 'SparkTest/1.0' : options.userAgent;
    const headers: Record<string, string> = {};
    if (userAgent !== null) headers['X-SparkApi-User-Agent'] = userAgent;
    if (token !== null) headers.Authorization = `OAuth ${token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${server.url}/spark${path}`, { method, headers, body });
    const text = await response.text();
    expect(text).not.toMatch(STACK_TRACE);
    const json: unknown = text ? JSON.parse(text) : undefined;
    return {
      status: response.status,
      headers: response.headers,
      json,
      text,
    };
  };
}

export type SparkCall = ReturnType<typeof sparkClient>;

/** Expects a Spark failure envelope with this HTTP status and Code. */
export function expectFailure(response: SparkResponse, status: number, code: number): void {
  expect({ status: response.status, body: response.json }).toMatchObject({
    status,
    body: { D: { Success: false, Code: code, Message: expect.any(String) } },
  });
}

export const q = (params: Record<string, string | number>) =>
  `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
