import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { SparkCode } from '../../shared/spark-codes.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { SparkApiError, sparkRead } from '../api/spark-fetch.js';
import { groupKeys } from './group-keys.js';
import type { GroupsPage } from './get-groups.js';

async function fetchGroup(account: Account, id: string, signal?: AbortSignal) {
  const { results } = await sparkRead(account, portalGroupReadSchema, {
    path: `/portal/groups/${encodeURIComponent(id)}`,
    signal,
  });
  const group = results[0];
  if (!group) throw new SparkApiError('Not found', 404, SparkCode.NotFound);
  return group;
}

export const groupQueryOptions = (account: Account, id: string) =>
  queryOptions({
    queryKey: groupKeys.detail(account, id),
    queryFn: ({ signal }) => fetchGroup(account, id, signal),
  });

/** The group as a loaded list page of `account` shows it, with when that page was fetched. */
export function findGroupInLists(queryClient: QueryClient, account: Account, id: string) {
  const lists = queryClient.getQueryCache().findAll({ queryKey: groupKeys.lists(account) });
  for (const query of lists) {
    const page = query.state.data as GroupsPage | undefined;
    const group = page?.groups.find((candidate) => candidate.Id === id);
    if (group) return { group, updatedAt: query.state.dataUpdatedAt };
  }
  return undefined;
}

/**
 * Before a group's page opens (its route's loader, or a hover or focus on its link): seeds the
 * detail cache with the group as a list showed it (`seen`, else found in a loaded list page), so
 * the page shows at once, then fetches it if stale.
 */
export function prefetchGroupPage(
  queryClient: QueryClient,
  account: Account,
  id: string,
  seen = findGroupInLists(queryClient, account, id),
) {
  const key = groupKeys.detail(account, id);
  if (seen && queryClient.getQueryData(key) === undefined) {
    queryClient.setQueryData<PortalGroup>(key, seen.group, { updatedAt: seen.updatedAt });
  }
  void queryClient.prefetchQuery(groupQueryOptions(account, id));
}

export function useGroup(id: string) {
  return useQuery(groupQueryOptions(useAccount(), id));
}

export function isNotFound(error: unknown): boolean {
  return error instanceof SparkApiError && error.status === 404;
}
