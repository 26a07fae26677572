import type { SparkRoute } from '../route-table.js';
import type { Db } from '../store/db.js';
import { currentGroupRoutes } from './current-portal-group.js';
import { groupReadRoutes } from './portal-groups-read.js';
import { groupWriteRoutes } from './portal-groups-write.js';

/** The portal group routes, as plain functions (see entry.ts), in the API explorer's order. */
export function portalGroupTable(db: Db): SparkRoute[] {
  const reads = groupReadRoutes(db);
  return [reads.list, ...currentGroupRoutes(db), reads.one, ...groupWriteRoutes(db)];
}
