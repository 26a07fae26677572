import type { PortalGroup, PortalGroupUser } from '../../../shared/portal-groups.js';
import { parseSparkTimestamp } from '../../api/spark-timestamp.js';

const DAY_MS = 24 * 3600 * 1000;

export const BUCKETS = [
  { key: 'week', label: 'Active this week' },
  { key: 'month', label: 'Active this month' },
  { key: 'older', label: 'Older' },
  { key: 'never', label: 'Never signed in' },
] as const;
export type BucketKey = (typeof BUCKETS)[number]['key'];

export function signInBucket(lastLogin: string | null, now: number): BucketKey {
  if (!lastLogin) return 'never';
  const time = parseSparkTimestamp(lastLogin).getTime();
  if (Number.isNaN(time)) return 'never';
  const age = now - time;
  if (age <= 7 * DAY_MS) return 'week';
  if (age <= 30 * DAY_MS) return 'month';
  return 'older';
}

/** How many members last signed in this week, this month (before this week), earlier, or never. */
export function countSignIns(
  users: PortalGroupUser[],
  now = Date.now(),
): Record<BucketKey, number> {
  const counts: Record<BucketKey, number> = { week: 0, month: 0, older: 0, never: 0 };
  for (const user of users) {
    // An agent listed in a group (UserType Member) has no portal sign-ins to count.
    if (user.LastLogin !== undefined) counts[signInBucket(user.LastLogin, now)] += 1;
  }
  return counts;
}

/**
 * A member counts as inactive when Spark says so (disabled, or no sign-in for 30 days); an agent
 * listed in the group (no Active at all) does not.
 */
export function hasInactiveMembers(group: PortalGroup): boolean {
  return group.Users.some((user) => user.Active === false);
}
