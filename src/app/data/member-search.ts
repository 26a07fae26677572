import type { PortalGroup } from '../../shared/portal-groups.js';
import { foldKey } from '../../shared/name-order.js';
import { peopleInWords } from '../../shared/audit-words.js';
import { groupName } from './group-summary.js';

/** A circle a search found, and why: its owner's name, or a member's. */
export interface GroupMatch {
  group: PortalGroup;
  /** "Beatriz Castillo is a member", "Grace Dunn owns it". */
  why: string;
  /** Found by a member's name only (Flexmls finds circles by their owner's name alone). */
  byMember: boolean;
}

/**
 * The circles among `groups` whose owner's or a member's name contains `q` (case- and
 * accent-insensitive, as Spark matches names). Spark filters groups by the owner's name only, so
 * finding a member needs the groups loaded (the whole book).
 */
export function matchGroups(groups: readonly PortalGroup[], q: string): GroupMatch[] {
  const needle = foldKey(q.trim());
  if (!needle) return groups.map((group) => ({ group, why: '', byMember: false }));
  const matches: GroupMatch[] = [];
  for (const group of groups) {
    const owner = groupName(group);
    if (foldKey(owner).includes(needle)) {
      matches.push({ group, why: `${owner} owns it`, byMember: false });
      continue;
    }
    const members = group.Users.filter(
      (user) => user.Id !== group.ContactId && foldKey(user.Name).includes(needle),
    ).map((user) => user.Name);
    if (members.length > 0)
      matches.push({
        group,
        why: `${peopleInWords(members)} ${members.length === 1 ? 'is a member' : 'are members'}`,
        byMember: true,
      });
  }
  return matches;
}
