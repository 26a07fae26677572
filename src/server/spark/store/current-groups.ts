import type { Db } from './db.js';
import { statement } from './statements.js';

export function currentGroupId(db: Db, accountId: string): string | undefined {
  const row = statement<{ group_id: string }>(
    db,
    'SELECT group_id FROM current_groups WHERE account_id = ?',
  ).get(accountId);
  return row?.group_id;
}

export function selectCurrentGroup(db: Db, accountId: string, groupId: string): void {
  statement(
    db,
    `INSERT INTO current_groups (account_id, group_id) VALUES (?, ?)
     ON CONFLICT (account_id) DO UPDATE SET group_id = excluded.group_id`,
  ).run(accountId, groupId);
}

export function clearCurrentGroup(db: Db, accountId: string): void {
  statement(db, 'DELETE FROM current_groups WHERE account_id = ?').run(accountId);
}
