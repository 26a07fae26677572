import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import { sparkRead } from '../api/spark-fetch.js';
import { containsFilter } from '../api/spark-ql.js';
import { groupKeys } from './group-keys.js';
import type { GroupListParams } from './group-keys.js';

export const GROUPS_PAGE_SIZE = 25;

export interface GroupsQuery {
  limit: number;
  page?: number;
  orderBy: string;
  /** Groups whose Name (the owner's full name) contains this text. */
  name?: string;
}

/** `GET /v1/portal/groups`: one page of the caller's groups. */
/** `agent` as in `SparkRequest` (by default whom the tab works for). */
export function listGroups(query: GroupsQuery, signal?: AbortSignal, agent?: string | null) {
  return sparkRead(portalGroupReadSchema, {
    path: '/portal/groups',
    query: {
      _limit: query.limit,
      _page: query.page,
      _pagination: query.page === undefined ? undefined : 1,
      _orderby: query.orderBy,
      _filter: containsFilter('Name', query.name ?? ''),
    },
    signal,
    agent,
  });
}

export async function fetchGroups(
  params: GroupListParams,
  signal?: AbortSignal,
  agent?: string | null,
) {
  const { results, pagination } = await listGroups(
    { limit: GROUPS_PAGE_SIZE, page: params.page, orderBy: params.sort, name: params.q },
    signal,
    agent,
  );
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
