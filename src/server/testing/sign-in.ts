import type { TestServer } from './test-server.js';

/** How the flow reaches the server: real HTTP (`fetch`), or an in-process stand-in for it. */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

const unescapeHtml = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** `name=value` of the cookie a response sets (for a later request's Cookie header). */
export function cookieSetBy(response: Response, name = 'pga_session'): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header?.split(';')[0];
}

/** The server-side session id inside a signed `pga_session=<id>.<signature>` cookie. */
export const sessionIdOf = (cookie: string) =>
  decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0] ?? '';

export interface AuthorizeForm {
  action: string;
  fields: Record<string, string>;
}

/** The form behind the "Sign in as <Name>" button on the authorize page, as a browser sees it. */
export function authorizeFormFor(html: string, accountName: string): AuthorizeForm {
  const button = `Sign in as ${escapeHtml(accountName)}</button>`;
  const form = html
    .split('<form')
    .slice(1)
    .find((f) => f.includes(button));
  if (!form) throw new Error(`No "Sign in as ${accountName}" button on the authorize page`);
  const action = /action="([^"]*)"/.exec(form)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    if (name) fields[name] = unescapeHtml(value ?? '');
  }
  return { action: unescapeHtml(action), fields };
}

/**
 * Opens the authorize page and presses "Sign in as <Name>", as a browser would; answers the
 * emulator's response (a 302 to the redirect URI on success), without following it.
 */
export async function chooseAccount(
  authorizeUrl: string | URL,
  accountName: string,
  send: Fetch = fetch,
) {
  const page = await send(authorizeUrl);
  const form = authorizeFormFor(await page.text(), accountName);
  return send(new URL(form.action, page.url || authorizeUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form.fields).toString(),
    redirect: 'manual',
  });
}

/**
 * Signs in through the real flow over HTTP (login, authorize page, its form, callback) and
 * returns the session cookie as `pga_session=...` for a Cookie header.
 */
export async function signIn(
  server: Pick<TestServer, 'url'>,
  accountName: string,
  returnTo = '/groups',
  send: Fetch = fetch,
): Promise<string> {
  const login = await send(`${server.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, {
    redirect: 'manual',
  });
  const signInCookie = cookieSetBy(login, 'pga_signin');
  const authorizeUrl = login.headers.get('location');
  if (login.status !== 302 || !signInCookie || !authorizeUrl) throw new Error('login failed');

  const chosen = await chooseAccount(new URL(authorizeUrl, server.url), accountName, send);
  const callbackUrl = chosen.headers.get('location');
  if (chosen.status !== 302 || !callbackUrl) throw new Error('authorize failed');

  const callback = await send(new URL(callbackUrl, server.url), {
    headers: { Cookie: signInCookie },
    redirect: 'manual',
  });
  const sessionCookie = cookieSetBy(callback);
  if (callback.status !== 302 || !sessionCookie || sessionCookie === 'pga_session=') {
    throw new Error(`callback failed: ${callback.headers.get('location')}`);
  }
  return sessionCookie;
}

/**
 * Adds an agent to the session of `sessionCookie` through the real flow ("Add an agent":
 * /auth/agents/add, the authorize page, its form, the callback); answers where the callback
 * sends the browser (`returnTo` with `?agent=<Id>` or `?agentError=<reason>`).
 */
export async function addAgent(
  server: Pick<TestServer, 'url'>,
  sessionCookie: string,
  accountName: string,
  returnTo = '/groups',
  send: Fetch = fetch,
): Promise<URL> {
  const start = await send(
    `${server.url}/auth/agents/add?returnTo=${encodeURIComponent(returnTo)}`,
    { headers: { Cookie: sessionCookie }, redirect: 'manual' },
  );
  const signInCookie = cookieSetBy(start, 'pga_signin');
  const authorizeUrl = start.headers.get('location');
  if (start.status !== 302 || !signInCookie || !authorizeUrl) throw new Error('add agent failed');

  const chosen = await chooseAccount(new URL(authorizeUrl, server.url), accountName, send);
  const callbackUrl = chosen.headers.get('location');
  if (chosen.status !== 302 || !callbackUrl) throw new Error('authorize failed');

  const callback = await send(new URL(callbackUrl, server.url), {
    headers: { Cookie: `${sessionCookie}; ${signInCookie}` },
    redirect: 'manual',
  });
  const location = callback.headers.get('location');
  if (callback.status !== 302 || !location) throw new Error('callback failed');
  if (cookieSetBy(callback) !== undefined) throw new Error('the session cookie was replaced');
  return new URL(location, server.url);
}
