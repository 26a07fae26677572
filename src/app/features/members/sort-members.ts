import type { PortalGroupUser } from '../../../shared/portal-groups.js';
import { compareNames } from '../../../shared/name-order.js';
import { parseSparkTimestamp } from '../../api/spark-timestamp.js';
import type { SortDirection } from '../../ui/sortable-th.js';

export type { SortDirection };

export type MemberSortKey = 'name' | 'lastLogin';
export interface MemberSort {
  key: MemberSortKey;
  direction: SortDirection;
}

/** The direction a column sorts in when first chosen: names A–Z, most recent login first. */
export const firstDirection: Record<MemberSortKey, SortDirection> = {
  name: 'ascending',
  lastLogin: 'descending',
};

function loginTime(user: PortalGroupUser) {
  return user.LastLogin ? parseSparkTimestamp(user.LastLogin).getTime() : -Infinity;
}

/** The owner first whatever the sort, then the others by the chosen column, ties by name. */
export function sortMembers(
  users: PortalGroupUser[],
  sort: MemberSort,
  ownerId?: string,
): PortalGroupUser[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...users].sort((a, b) => {
    if (a.Id !== b.Id && (a.Id === ownerId || b.Id === ownerId)) return a.Id === ownerId ? -1 : 1;
    const byKey =
      sort.key === 'name' ? compareNames(a.Name, b.Name) : Math.sign(loginTime(a) - loginTime(b));
    return byKey * sign || compareNames(a.Name, b.Name) || (a.Id < b.Id ? -1 : 1);
  });
}
