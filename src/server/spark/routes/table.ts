import type { SparkRoute } from '../route-table.js';
import type { Db } from '../store/db.js';
import { accountTable } from './account.js';
import { contactTable } from './contacts.js';
import { portalGroupTable } from './portal-groups.js';

/**
 * Every route of the emulator's table, in the API explorer's order. Both adapters serve exactly
 * these, and the role matrix (reliability/role-table.ts) must have a row for each. OAuth's pages
 * and token endpoint are Fastify routes of their own (oauth.ts).
 */
export function routeTable(db: Db): SparkRoute[] {
  return [...accountTable, ...portalGroupTable(db), ...contactTable(db)];
}
