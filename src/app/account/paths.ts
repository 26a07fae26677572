/**
 * Every address of the app, in one place. A page lives inside the account the tab works for:
 * `/for/<agentId>/…` for an agent, no prefix for the signed-in user's own account.
 */

/** The route patterns (React Router), relative to the account's prefix. */
export const routePatterns = {
  signedOut: '/signed-out',
  agent: '/for/:agentId',
  groups: 'groups',
  newGroup: 'groups/new',
  group: 'groups/:groupId',
  audit: 'audit',
} as const;

const AGENT_PREFIX = /^\/for\/([^/]+)(\/.*)?$/;

/** The prefix of an account's pages: `/for/<agentId>`, or '' for the own account. */
function accountPrefix(agentId: string | null): string {
  return agentId ? `/for/${encodeURIComponent(agentId)}` : '';
}

/** The agent an address is for (null: the own account), and the page inside its prefix. */
export function splitAccountPath(pathname: string): { agentId: string | null; page: string } {
  const match = AGENT_PREFIX.exec(pathname);
  if (!match?.[1]) return { agentId: null, page: pathname };
  return { agentId: decodeURIComponent(match[1]), page: match[2] ?? '/' };
}

/** An account's pages, each address built from the account's agent Id (null: the own account). */
export const paths = {
  signedOut: '/signed-out',
  home: (agentId: string | null) => `${accountPrefix(agentId)}/`,
  /** The groups list; `search` is its query string (`?q=…`), with its `?`. */
  groups: (agentId: string | null, search = '') => `${accountPrefix(agentId)}/groups${search}`,
  /** The new-group form, with an owner suggested. */
  newGroup: (agentId: string | null, ownerId?: string) =>
    `${accountPrefix(agentId)}/groups/new${ownerId ? `?owner=${encodeURIComponent(ownerId)}` : ''}`,
  group: (agentId: string | null, groupId: string) =>
    `${accountPrefix(agentId)}/groups/${encodeURIComponent(groupId)}`,
  /** The audit trail, narrowed by `view` (agent, circle, day; see the audit page). */
  audit: (agentId: string | null, page = 1, view: Record<string, string | undefined> = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(view)) if (value) query.set(key, value);
    if (page > 1) query.set('page', String(page));
    const search = query.toString();
    return `${accountPrefix(agentId)}/audit${search ? `?${search}` : ''}`;
  },
};

/** The same page for another account: the audit trail stays, anything else starts at the list. */
export function pathAfterSwitch(pathname: string, agentId: string | null): string {
  const { page } = splitAccountPath(pathname);
  return page.startsWith('/audit') ? paths.audit(agentId) : paths.groups(agentId);
}

/** Addresses outside the app's pages: the sign-in server's, reached by a full-page navigation. */
export const serverPaths = {
  signIn: (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
  addAgent: (returnTo: string) => `/auth/agents/add?returnTo=${encodeURIComponent(returnTo)}`,
  auditCsv: '/auth/audit.csv',
};
