import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Fetch } from '../../server/testing/sign-in.js';

/** The address jsdom gives the page: the server's public URL, so cookies and origins match. */
export const ORIGIN = 'http://localhost:3000';

function headersOf(raw: Record<string, string | string[] | number | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  return headers;
}

export async function inject(
  app: FastifyInstance,
  url: URL,
  method: string,
  headers: Headers,
  body: ArrayBuffer | string | undefined,
): Promise<Response> {
  const answer = await app.inject({
    method: method.toUpperCase() as InjectOptions['method'],
    url: `${url.pathname}${url.search}`,
    headers: Object.fromEntries(headers),
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : Buffer.from(body) }),
  });
  const empty = answer.rawPayload.length === 0 || [204, 304].includes(answer.statusCode);
  return new Response(empty ? null : new Uint8Array(answer.rawPayload), {
    status: answer.statusCode,
    headers: headersOf(answer.headers),
  });
}

/** `fetch` for the sign-in flow, answered in-process: redirects are never followed. */
export function injectFetch(app: FastifyInstance): Fetch {
  return async (input, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    return inject(
      app,
      new URL(input, ORIGIN),
      init.method ?? 'GET',
      new Headers(init.headers),
      body,
    );
  };
}
