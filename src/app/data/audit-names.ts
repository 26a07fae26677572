import type { AuditContext } from '../../shared/audit.js';
import type { PortalGroup } from '../../shared/portal-groups.js';

interface Named {
  Id: string;
  Name?: string;
}

/** The owner's name of a circle, or none when the group does not list its owner. */
export function ownerOf(group: PortalGroup): string | undefined {
  return group.Users.find((user) => user.Id === group.ContactId)?.Name;
}

/**
 * What a write tells the audit trail (see AUDIT_CONTEXT_HEADER): the names shown for the circle
 * (by its Id, its owner's) and the people it concerns, and whether it is an Undo.
 */
export function auditContext(
  group: PortalGroup | undefined,
  people: readonly Named[] = [],
  undo = false,
): AuditContext {
  const names: Record<string, string> = {};
  const owner = group && ownerOf(group);
  if (group && owner) names[group.Id] = owner;
  for (const person of people) if (person.Name?.trim()) names[person.Id] = person.Name;
  return { Names: names, ...(undo ? { Undo: true } : {}) };
}
