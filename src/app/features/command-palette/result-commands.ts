import type { PortalGroup } from '../../../shared/portal-groups.js';
import type { AccountPaths } from '../../account/use-account.js';
import { groupName, isFavorite } from '../../data/group-summary.js';
import type { PaletteCommand } from './palette-actions.js';
import type { PaletteContact } from './palette-search.js';

type Go = (path: string) => void;

/** A group found by its owner's name: opens the group. */
export function groupResult(group: PortalGroup, go: Go, paths: AccountPaths): PaletteCommand {
  return {
    id: group.Id,
    label: groupName(group),
    description: `Group · ${group.Users.length} members${isFavorite(group) ? ' · Favorites' : ''}`,
    run: () => go(paths.group(group.Id)),
  };
}

/** A contact found by name or e-mail: opens the group they own, or starts one with them as owner. */
export function contactResult(
  contact: PaletteContact,
  go: Go,
  paths: AccountPaths,
): PaletteCommand {
  return {
    id: contact.Id,
    label: contact.DisplayName,
    description: `${contact.PrimaryEmail ?? 'No e-mail'} · ${
      contact.groupId ? 'open their group' : 'owns no group: start one'
    }`,
    run: () => go(contact.groupId ? paths.group(contact.groupId) : paths.newGroup(contact.Id)),
  };
}
