import { APP_REQUEST_HEADERS } from './app-headers.js';

/**
 * A first visit's first reads, asked for before the libraries are evaluated. main.tsx imports
 * `start.ts` first, and this folder is built as a chunk of its own that imports no library
 * (vite.config.ts), so the entry runs it as soon as its files have arrived, not after the ~0.7 s
 * (on a phone) of evaluating React, Mantine and the rest and React's first render. The app's own
 * request for the same address takes the answer (`takeEarlyRead` in `spark-fetch.ts`); a read
 * the app does not make is never used.
 */
const early = new Map<string, Promise<Response>>();

/** The sign-in check (`session.ts`). */
export const SESSION_CHECK = '/auth/session';

/**
 * The own account's first page of groups as the list asks for it with no search, sort or page in
 * the address (`get-groups.ts`; `route-loaders.test.tsx` checks that the app takes this answer).
 */
export const FIRST_GROUPS_PAGE =
  '/api/v1/portal/groups?_limit=25&_page=1&_pagination=1&_orderby=Name';

function read(url: string) {
  const answer = fetch(url, { credentials: 'same-origin', headers: APP_REQUEST_HEADERS });
  // A failure is the app's to report when it takes the answer; one never taken is no error.
  answer.catch(() => undefined);
  early.set(url, answer);
}

/** The sign-in check on every page, and the list's first page on a plain visit to it. */
export function startEarlyReads({ pathname, search }: { pathname: string; search: string }) {
  read(SESSION_CHECK);
  if ((pathname === '/' || pathname === '/groups') && search === '') read(FIRST_GROUPS_PAGE);
}

/** An early read of `url`, once: a later read of it asks anew. Null when none was started. */
export function takeEarlyRead(url: string): Promise<Response> | null {
  const answer = early.get(url) ?? null;
  early.delete(url);
  return answer;
}
