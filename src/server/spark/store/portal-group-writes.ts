import type { Db } from './db.js';
import { statement } from './statements.js';
import { sparkTimestamp } from './timestamps.js';

export function createGroup(
  db: Db,
  group: { agentId: string; ownerPortalAccountId: string; ownerContactId: string },
): void {
  statement(
    db,
    `INSERT INTO portal_groups (id, agent_id, contact_id, favorites, display_key, created_at)
     SELECT ?, ?, c.id, 0, c.display_key, ? FROM contacts c WHERE c.id = ?`,
  ).run(group.ownerPortalAccountId, group.agentId, sparkTimestamp(), group.ownerContactId);
  addMembers(db, group.ownerPortalAccountId, [group.ownerPortalAccountId]);
}

export function addMembers(db: Db, groupId: string, portalAccountIds: string[]): void {
  const insert = statement(
    db,
    'INSERT OR IGNORE INTO portal_group_members (group_id, portal_account_id) VALUES (?, ?)',
  );
  for (const id of portalAccountIds) insert.run(groupId, id);
}

/** Replaces the members; the owner (whose portal account Id is the group Id) always stays. */
export function replaceMembers(db: Db, groupId: string, portalAccountIds: string[]): void {
  statement(
    db,
    'DELETE FROM portal_group_members WHERE group_id = ? AND portal_account_id <> ?',
  ).run(groupId, groupId);
  addMembers(db, groupId, portalAccountIds);
}

export function setFavorites(db: Db, groupId: string, favorites: boolean): void {
  statement(db, 'UPDATE portal_groups SET favorites = ? WHERE id = ?').run(
    favorites ? 1 : 0,
    groupId,
  );
}

export function removeMember(db: Db, groupId: string, portalAccountId: string): boolean {
  return (
    statement(
      db,
      'DELETE FROM portal_group_members WHERE group_id = ? AND portal_account_id = ?',
    ).run(groupId, portalAccountId).changes > 0
  );
}

/**
 * Members who work in the group keep it as their current one: it reads as none, and their carts
 * and saved searches answer 1025 until they choose again (spec §3.1, §8).
 */
export function deleteGroup(db: Db, groupId: string): void {
  statement(db, 'DELETE FROM portal_groups WHERE id = ?').run(groupId);
}
