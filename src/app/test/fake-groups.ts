import { http } from 'msw';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { sparkResults } from './msw.js';

interface ListOptions {
  /** Serve `/api/agents/<agentId>/v1/portal/groups` instead of the own account's list. */
  agentId?: string;
  /** The `X-Acting-For` the answer carries (default: the agent's Id; none for the own list). */
  actingFor?: string;
  /** Waits for this before answering, e.g. to answer after the app switched accounts. */
  before?: () => Promise<unknown>;
}

/**
 * GET /api/v1/portal/groups (or an agent's) over a fixed list: Name order, `Name Eq '*text*'`,
 * paging. Records each URL.
 */
export function groupsListHandler(
  all: PortalGroup[],
  requests: URL[] = [],
  { agentId, actingFor = agentId, before }: ListOptions = {},
) {
  const path = agentId
    ? `/api/agents/${encodeURIComponent(agentId)}/v1/portal/groups`
    : '/api/v1/portal/groups';
  return http.get(path, async ({ request }) => {
    await before?.();
    const url = new URL(request.url);
    requests.push(url);
    const ownerName = (group: PortalGroup) =>
      group.Users.find((user) => user.Id === group.ContactId)?.Name ?? '';
    let list = [...all].sort((a, b) => ownerName(a).localeCompare(ownerName(b)));
    if (url.searchParams.get('_orderby') === '-Name') list.reverse();
    const filter = url.searchParams.get('_filter');
    const text = filter
      ? /^Name Eq '\*(.*)\*'$/.exec(filter)?.[1]?.replaceAll("\\'", "'")
      : undefined;
    if (text !== undefined) {
      list = list.filter((group) => ownerName(group).toLowerCase().includes(text.toLowerCase()));
    }
    const limit = Number(url.searchParams.get('_limit') ?? 10);
    const page = Number(url.searchParams.get('_page') ?? 1);
    const response = sparkResults(list.slice((page - 1) * limit, page * limit), {
      TotalRows: list.length,
      PageSize: limit,
      TotalPages: Math.max(1, Math.ceil(list.length / limit)),
      CurrentPage: page,
    });
    if (actingFor) response.headers.set('X-Acting-For', actingFor);
    return response;
  });
}
