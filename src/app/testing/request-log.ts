import { http } from 'msw';
import type { RealBackend } from './real-backend.js';

/** One request the app made to the Spark API, its path without the `/api/v1` prefix. */
export interface LoggedRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

const API = '/api/v1';

/**
 * Logs every Spark API request the app makes from now on, then passes it on to the handlers added
 * before (the real server, unless a test changed its answer). `hold` keeps some requests back
 * until released, to see the screen meanwhile. Handlers added after it come first, unlogged.
 */
export function logRequests(backend: Pick<RealBackend, 'msw'>) {
  const requests: LoggedRequest[] = [];
  const holds: { method: string; path: string; released: Promise<void> }[] = [];
  backend.msw.use(
    http.all(`${API}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(API.length);
      const text = request.method === 'GET' ? '' : await request.clone().text();
      requests.push({
        method: request.method,
        path,
        search: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
      });
      const hold = holds.find((h) => h.method === request.method && path.startsWith(h.path));
      await hold?.released;
    }),
  );
  return {
    requests,
    /** The requests that change something (all but GET). */
    writes: () => requests.filter((request) => request.method !== 'GET'),
    /** Holds the answers to `method` requests (on paths starting with `path`) until released. */
    hold(method: string, path = '/') {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ method, path, released });
      return { release };
    },
  };
}
