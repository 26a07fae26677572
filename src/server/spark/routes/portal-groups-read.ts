import { searchParamsSchema } from '../../../shared/search.js';
import { isConsumer, roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { parseSearch, parseSelect, resultsBody, type SearchSpec } from '../search.js';
import type { Db } from '../store/db.js';
import {
  countGroups,
  findGroup,
  groupFilterFields,
  groupOrderBy,
  listGroups,
  type GroupScope,
} from '../store/portal-group-reads.js';
import { cachedAnswer } from '../store/read-cache.js';
import { results } from './answers.js';
import { groupParams, selectQuery } from './params.js';
import {
  GROUP_ATTRIBUTES,
  groupNotFound,
  groupsResponse,
  groupsWithUsers,
} from './portal-group-records.js';

const groupSearch: SearchSpec = {
  orderBy: groupOrderBy,
  defaultOrderBy: 'Name',
  filterFields: groupFilterFields,
  attributes: GROUP_ATTRIBUTES,
};

function readScope(caller: Caller): GroupScope {
  if (caller.role === 'Private') return { agentId: caller.accountId };
  if (isConsumer(caller)) return { memberPortalAccountId: caller.portalAccountId ?? '' };
  throw roleForbidden();
}

/** The groups list and one group, as an agent or a member of them reads them. */
export function groupReadRoutes(db: Db): { list: SparkRoute; one: SparkRoute } {
  return {
    list: route({
      method: 'GET',
      url: '/v1/portal/groups',
      summary: 'Groups visible to the caller',
      params: noInput,
      querystring: searchParamsSchema,
      response: groupsResponse,
      handle: ({ caller, query }) => {
        const scope = readScope(caller);
        // Once per caller and query until the data changes; each minute too, as Active ages.
        const key = `${JSON.stringify(scope)}\u0000${JSON.stringify(query)}\u0000${Math.floor(Date.now() / 60_000)}`;
        const body = cachedAnswer(db, key, () => {
          const search = parseSearch(query, groupSearch);
          const rows = search.pagination === 'count' ? [] : listGroups(db, scope, search);
          return JSON.stringify(
            resultsBody(groupsWithUsers(db, rows, search.select), search, () =>
              countGroups(db, scope, search.filter),
            ),
          );
        });
        return { body };
      },
    }),

    one: route({
      method: 'GET',
      url: '/v1/portal/groups/:groupId',
      summary: 'One group with its users',
      params: groupParams,
      querystring: selectQuery,
      response: groupsResponse,
      handle: ({ caller, params, query }) => {
        const scope = readScope(caller);
        const select = parseSelect(query._select, GROUP_ATTRIBUTES);
        const group = findGroup(db, scope, params.groupId);
        if (!group) throw groupNotFound();
        return results(groupsWithUsers(db, [group], select));
      },
    }),
  };
}
