import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkRead } from '../api/spark-fetch.js';
import { containsFilter } from '../api/spark-ql.js';
import { groupKeys } from './group-keys.js';
import type { GroupListParams } from './group-keys.js';

export const GROUPS_PAGE_SIZE = 25;

interface GroupsQuery {
  limit: number;
  page?: number;
  orderBy: string;
  /** Groups whose Name (the owner's full name) contains this text. */
  name?: string;
}

/** `GET /v1/portal/groups`: one page of the account's groups. */
export function listGroups(account: Account, query: GroupsQuery, signal?: AbortSignal) {
  return sparkRead(account, portalGroupReadSchema, {
    path: '/portal/groups',
    query: {
      _limit: query.limit,
      _page: query.page,
      _pagination: query.page === undefined ? undefined : 1,
      _orderby: query.orderBy,
      _filter: containsFilter('Name', query.name ?? ''),
    },
    signal,
  });
}

export async function fetchGroups(account: Account, params: GroupListParams, signal?: AbortSignal) {
  const { results, pagination } = await listGroups(
    account,
    { limit: GROUPS_PAGE_SIZE, page: params.page, orderBy: params.sort, name: params.q },
    signal,
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

export const groupsQueryOptions = (account: Account, params: GroupListParams) =>
  queryOptions({
    queryKey: groupKeys.list(account, params),
    queryFn: ({ signal }) => fetchGroups(account, params, signal),
    placeholderData: keepPreviousData,
  });

export function useGroups(params: GroupListParams) {
  return useQuery(groupsQueryOptions(useAccount(), params));
}
