import type { PortalGroupUser } from '../../../shared/portal-groups.js';
import { parseSparkTimestamp } from '../../api/spark-timestamp.js';

export type MemberSortKey = 'name' | 'lastLogin';
export type SortDirection = 'ascending' | 'descending';
export interface MemberSort {
  key: MemberSortKey;
  direction: SortDirection;
}

/** The direction a column sorts in when first chosen: names A–Z, most recent login first. */
export const firstDirection: Record<MemberSortKey, SortDirection> = {
  name: 'ascending',
  lastLogin: 'descending',
};

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

function loginTime(user: PortalGroupUser) {
  return user.LastLogin ? parseSparkTimestamp(user.LastLogin).getTime() : -Infinity;
}

export function sortMembers(users: PortalGroupUser[], sort: MemberSort): PortalGroupUser[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...users].sort((a, b) => {
    const byKey =
      sort.key === 'name' ? byName.compare(a.Name, b.Name) : Math.sign(loginTime(a) - loginTime(b));
    return byKey * sign || byName.compare(a.Name, b.Name);
  });
}
