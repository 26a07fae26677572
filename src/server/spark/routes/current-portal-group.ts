import { selectCurrentGroupBodySchema } from '../../../shared/portal-groups.js';
import { isConsumer, roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { parseSelect } from '../search.js';
import { clearCurrentGroup, currentGroupId, selectCurrentGroup } from '../store/current-groups.js';
import type { Db } from '../store/db.js';
import { findGroup } from '../store/portal-group-reads.js';
import { parseBody } from '../validation.js';
import { ok, results } from './answers.js';
import { isSparkId, selectQuery } from './params.js';
import {
  GROUP_ATTRIBUTES,
  groupNotFound,
  groupsResponse,
  groupsWithUsers,
} from './portal-group-records.js';

function consumerOnly(caller: Caller): string {
  if (!isConsumer(caller)) throw roleForbidden();
  return caller.portalAccountId ?? '';
}

/** The consumer's current group: read, select, deselect. */
export function currentGroupRoutes(db: Db): SparkRoute[] {
  return [
    route({
      method: 'GET',
      url: '/v1/portal/groups/current',
      summary: 'The consumer’s current group',
      params: noInput,
      querystring: selectQuery,
      response: groupsResponse,
      handle: ({ caller, query }) => {
        const portalAccountId = consumerOnly(caller);
        const select = parseSelect(query._select, GROUP_ATTRIBUTES);
        const id = currentGroupId(db, caller.accountId);
        const group = id
          ? findGroup(db, { memberPortalAccountId: portalAccountId }, id)
          : undefined;
        return results(groupsWithUsers(db, group ? [group] : [], select));
      },
    }),
    route({
      method: 'PUT',
      url: '/v1/portal/groups/current',
      summary: 'Select the current group',
      params: noInput,
      querystring: noInput,
      body: selectCurrentGroupBodySchema,
      handle: ({ caller, body }) => {
        const portalAccountId = consumerOnly(caller);
        const { D } = parseBody(selectCurrentGroupBodySchema, body);
        const group = isSparkId(D.Id)
          ? findGroup(db, { memberPortalAccountId: portalAccountId }, D.Id)
          : undefined;
        if (!group) throw groupNotFound();
        selectCurrentGroup(db, caller.accountId, group.id);
        return { body: ok };
      },
    }),
    route({
      method: 'DELETE',
      url: '/v1/portal/groups/current',
      summary: 'Deselect the current group',
      params: noInput,
      querystring: noInput,
      handle: ({ caller }) => {
        consumerOnly(caller);
        clearCurrentGroup(db, caller.accountId);
        return { body: ok };
      },
    }),
  ];
}
