import { FAVORITES_TAG } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';

/** The group's name is its owner's name. */
export function groupName(group: PortalGroup): string {
  return (
    group.Users.find((user) => user.Id === group.ContactId)?.Name ??
    group.Users[0]?.Name ??
    'Unnamed group'
  );
}

export function isFavorite(group: PortalGroup): boolean {
  return group.Tags.includes(FAVORITES_TAG);
}

/**
 * The most recent sign-in among the members whose portal is on (one turned off cannot sign in
 * now), or null when none of them signed in yet.
 */
export function lastSignIn(group: PortalGroup): string | null {
  let latest: { value: string; time: number } | null = null;
  for (const user of group.Users) {
    if (!user.LastLogin || user.Enabled === false) continue;
    const time = parseSparkTimestamp(user.LastLogin).getTime();
    if (!Number.isNaN(time) && (!latest || time > latest.time))
      latest = { value: user.LastLogin, time };
  }
  return latest?.value ?? null;
}

/** "Ann, Bob, Cy and 2 more". */
export function memberPreview(group: PortalGroup, shown = 3): string {
  const names = group.Users.map((user) => user.Name);
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}
