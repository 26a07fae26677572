import { FAVORITES_TAG } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';
import { isAgent } from './member-state.js';

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

/**
 * What a circle's Last sign-in says when it has none, in the words a person would use:
 * "Portal off" (every client's portal is off), "Never signed in", or "No clients".
 */
export function noSignInWords(group: PortalGroup): string {
  const clients = group.Users.filter((user) => !isAgent(user));
  if (clients.length === 0) return 'No clients';
  const on = clients.filter((user) => user.Enabled !== false);
  if (on.length === 0) return clients.length === 1 ? 'Portal off' : 'Every portal off';
  return on.length === 1 ? 'Never signed in' : 'No one signed in yet';
}

/** "Ann, Bob, Cy and 2 more". */
export function memberPreview(group: PortalGroup, shown = 3): string {
  const names = group.Users.map((user) => user.Name);
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}
