/**
 * Whom this browser tab acts for: null for the signed-in user's own account, else the Id of an
 * agent added to the session. It lives in the address (`/for/<agentId>/…`), so it is per tab and
 * survives a reload; the app sets it here before rendering, and every query key and /api request
 * reads it.
 */
let current: string | null = null;
/** The signed-in user's own Id, to check answers for the own account. */
let ownAccountId: string | undefined;

export function actingFor(): string | null {
  return current;
}

export function setActingFor(agentId: string | null) {
  current = agentId;
}

export function setOwnAccountId(id: string | undefined) {
  ownAccountId = id;
}

export function getOwnAccountId(): string | undefined {
  return ownAccountId;
}

/** The part of every query key that says whose data it is. */
export function keyScope(agentId: string | null = current): string {
  return agentId ?? 'me';
}

const AGENT_PATH = /^\/for\/([^/]+)(\/.*)?$/;

/** The agent an app address is for, and the page inside it. */
export function parseAgentPath(pathname: string): { agentId: string | null; page: string } {
  const match = AGENT_PATH.exec(pathname);
  if (!match?.[1]) return { agentId: null, page: pathname };
  return { agentId: decodeURIComponent(match[1]), page: match[2] ?? '/' };
}

/** The router's basename while working for an agent ('' for the own account). */
export function agentBasename(agentId: string | null): string {
  return agentId ? `/for/${encodeURIComponent(agentId)}` : '';
}
