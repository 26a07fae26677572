import type { PortalGroup } from '../../../shared/portal-groups.js';
import type { AccountPaths } from '../../account/use-account.js';
import { groupName, isFavorite } from '../../data/group-summary.js';
import type { PaletteCommand } from './palette-actions.js';
import type { PaletteContact } from './api/palette-search.js';

type Go = (path: string) => void;

/**
 * A group found by its owner's name, or by a member's (`why`: "Beatriz Castillo is a member"):
 * opens the group.
 */
export function groupResult(
  group: PortalGroup,
  go: Go,
  paths: AccountPaths,
  why?: string,
): PaletteCommand {
  return {
    id: group.Id,
    label: groupName(group),
    description: [
      'Group',
      why,
      `${group.Users.length} members`,
      isFavorite(group) ? 'Favorites' : null,
    ]
      .filter(Boolean)
      .join(' · '),
    run: () => go(paths.group(group.Id)),
  };
}

/**
 * A contact found by name or e-mail: opens the circle they own; for a member of circles, lists
 * them; only a contact with an enabled portal account (VowEnabled) who is in no circle is offered
 * to start one: Spark makes a group only for a portal account, and New group lists only those.
 */
export function contactResult(
  contact: PaletteContact,
  go: Go,
  paths: AccountPaths,
  /** How many loaded circles the contact is a member of (not owner); unknown: undefined. */
  memberOf: number | undefined,
): PaletteCommand {
  const email = contact.PrimaryEmail ?? 'No e-mail';
  if (contact.groupId) {
    const groupId = contact.groupId;
    return {
      id: contact.Id,
      label: contact.DisplayName,
      description: `${email} · open their group`,
      run: () => go(paths.group(groupId)),
    };
  }
  if (memberOf)
    return {
      id: contact.Id,
      label: contact.DisplayName,
      description: `${email} · member of ${memberOf} ${memberOf === 1 ? 'group' : 'groups'}: show them`,
      run: () => go(paths.groups(`?q=${encodeURIComponent(contact.DisplayName)}`)),
    };
  if (contact.VowEnabled === false)
    return {
      id: contact.Id,
      label: contact.DisplayName,
      description: `${email} · no portal account (or it is off): cannot own a group`,
      run: () => go(paths.groups(`?q=${encodeURIComponent(contact.DisplayName)}`)),
    };
  return {
    id: contact.Id,
    label: contact.DisplayName,
    description: `${email} · ${memberOf === 0 ? 'in no group' : 'owns no group'}: start one`,
    run: () => go(paths.newGroup(contact.Id)),
  };
}
