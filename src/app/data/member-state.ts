import type { PortalGroup, PortalGroupUser } from '../../shared/portal-groups.js';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';

const DAY_MS = 24 * 3600 * 1000;
/** Spark's rule: a member is Active when the portal is on and they signed in within 30 days. */
const ACTIVE_DAYS = 30;
const WEEK_DAYS = 7;

export const ACTIVE_RULE = `Active means the portal is on and they signed in within the last ${ACTIVE_DAYS} days; anyone else is Inactive.`;

/**
 * What a broker acts on, one per member: `week` and `month` are Active (signed in within 7 or 30
 * days), the others Inactive.
 */
type MemberStateKey = 'week' | 'month' | 'quiet' | 'never' | 'off';

export interface MemberState {
  key: MemberStateKey;
  active: boolean;
  /** Plain words: "Active this month", "Quiet for 4 months", "Invited, never signed in", "Portal off". */
  status: string;
}

export const MEMBER_STATES: readonly { key: MemberStateKey; label: string; color: string }[] = [
  { key: 'week', label: 'Active this week', color: 'green' },
  { key: 'month', label: 'Active this month', color: 'teal' },
  { key: 'quiet', label: `Quiet (no sign-in for over ${ACTIVE_DAYS} days)`, color: 'yellow' },
  { key: 'never', label: 'Invited, never signed in', color: 'grape' },
  { key: 'off', label: 'Portal off', color: 'red' },
];

function quietFor(days: number): string {
  const months = Math.floor(days / ACTIVE_DAYS);
  if (months >= 24) return `Quiet for ${Math.floor(days / 365)} years`;
  return months <= 1 ? 'Quiet for a month' : `Quiet for ${months} months`;
}

/** Spark sends no portal state (Active, Enabled, LastLogin) for an agent (UserType Member) in a group. */
export const isAgent = (user: Pick<PortalGroupUser, 'UserType'>) => user.UserType === 'Member';

/** The one definition of a member's state, used by the badges, the chart, the export and filters. */
export function memberState(
  user: Pick<PortalGroupUser, 'Enabled' | 'LastLogin'>,
  now = Date.now(),
): MemberState {
  if (!user.Enabled) return { key: 'off', active: false, status: 'Portal off' };
  const time = user.LastLogin ? parseSparkTimestamp(user.LastLogin).getTime() : Number.NaN;
  if (Number.isNaN(time)) {
    return { key: 'never', active: false, status: 'Invited, never signed in' };
  }
  const days = Math.max(0, now - time) / DAY_MS;
  if (days <= WEEK_DAYS) return { key: 'week', active: true, status: 'Active this week' };
  if (days <= ACTIVE_DAYS) return { key: 'month', active: true, status: 'Active this month' };
  return { key: 'quiet', active: false, status: quietFor(days) };
}

export function countMemberStates(
  users: PortalGroupUser[],
  now = Date.now(),
): Record<MemberStateKey, number> {
  const counts: Record<MemberStateKey, number> = { week: 0, month: 0, quiet: 0, never: 0, off: 0 };
  for (const user of users) {
    // An agent listed in a group has no portal sign-ins to count.
    if (!isAgent(user)) counts[memberState(user, now).key] += 1;
  }
  return counts;
}

export function hasInactiveMembers(group: PortalGroup): boolean {
  const now = Date.now();
  return group.Users.some((user) => !isAgent(user) && !memberState(user, now).active);
}
