import { http } from 'msw';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { sparkResults } from './msw.js';

/** GET /api/v1/portal/groups over a fixed list: Name order, `Name Eq '*text*'`, paging. Records each URL. */
export function groupsListHandler(all: PortalGroup[], requests: URL[] = []) {
  return http.get('/api/v1/portal/groups', ({ request }) => {
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
    return sparkResults(list.slice((page - 1) * limit, page * limit), {
      TotalRows: list.length,
      PageSize: limit,
      TotalPages: Math.max(1, Math.ceil(list.length / limit)),
      CurrentPage: page,
    });
  });
}
