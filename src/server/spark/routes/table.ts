import type { SparkRoute } from '../route-table.js';
import type { Db } from '../store/db.js';
import { accountTable } from './account.js';
import { contactTable } from './contacts.js';
import { listingCartTable } from './listing-carts.js';
import { listingReferences } from './listing-references.js';
import { listingTable } from './listings.js';
import { savedSearchTable } from './saved-searches.js';
import { portalGroupTable } from './portal-groups.js';

/**
 * Every route of the emulator's table, in the API explorer's order. Both adapters serve exactly
 * these, and the role matrix (reliability/role-table.ts) must have a row for each. OAuth's pages
 * and token endpoint are Fastify routes of their own (oauth.ts).
 */
export function routeTable(db: Db, photoBase = '/spark/photos'): SparkRoute[] {
  const listings = { photoBase, referenceFields: listingReferences(db) };
  return [
    ...accountTable,
    ...portalGroupTable(db),
    ...contactTable(db),
    ...listingTable(db, listings),
    ...listingCartTable(db, listings),
    ...savedSearchTable(db),
  ];
}
