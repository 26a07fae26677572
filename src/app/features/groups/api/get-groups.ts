import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { portalGroupReadSchema } from '../../../../shared/portal-groups.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import { containsFilter } from '../../../api/spark-ql.js';
import { groupKeys } from './group-keys.js';
import type { GroupListParams } from './group-keys.js';

export const GROUPS_PAGE_SIZE = 25;

/** One page of groups; `agent` as in `SparkRequest` (by default whom the tab works for). */
export async function fetchGroups(
  params: GroupListParams,
  signal?: AbortSignal,
  agent?: string | null,
) {
  const { results, pagination } = await sparkRead(portalGroupReadSchema, {
    path: '/portal/groups',
    query: {
      _limit: GROUPS_PAGE_SIZE,
      _page: params.page,
      _pagination: 1,
      _orderby: params.sort,
      _filter: containsFilter('Name', params.q),
    },
    signal,
    agent,
  });
  return {
    groups: results,
    pagination: pagination ?? {
      TotalRows: results.length,
      PageSize: GROUPS_PAGE_SIZE,
      TotalPages: 1,
      CurrentPage: params.page,
    },
  };
}

export type GroupsPage = Awaited<ReturnType<typeof fetchGroups>>;

export const groupsQueryOptions = (params: GroupListParams) =>
  queryOptions({
    queryKey: groupKeys.list(params),
    queryFn: ({ signal }) => fetchGroups(params, signal),
    placeholderData: keepPreviousData,
  });

export function useGroups(params: GroupListParams) {
  return useQuery(groupsQueryOptions(params));
}
