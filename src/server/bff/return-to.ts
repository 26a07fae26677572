const DEFAULT_RETURN_TO = '/groups';

/**
 * A place on this app to come back to after sign-in. Judged after the URL is normalised the way
 * a browser will (`/..//x` becomes `//x`, a host): only a same-origin path that stays a path.
 */
export function safeReturnTo(value: string | undefined, publicOrigin: string): string {
  if (!value || !value.startsWith('/') || /[\\\p{Cc}]/u.test(value)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(value, publicOrigin);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (
    url.origin !== publicOrigin ||
    !url.pathname.startsWith('/') ||
    url.pathname.startsWith('//')
  ) {
    return DEFAULT_RETURN_TO;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `returnTo` with one query parameter set (and the other outcome's removed). */
export function withOutcome(
  returnTo: string,
  publicOrigin: string,
  name: string,
  value: string,
): string {
  const url = new URL(returnTo, publicOrigin);
  url.searchParams.delete('agent');
  url.searchParams.delete('agentError');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
