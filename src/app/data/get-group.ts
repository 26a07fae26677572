import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { SparkApiError, sparkRead } from '../api/spark-fetch.js';
import { groupKeys } from './group-keys.js';
import type { GroupsPage } from './get-groups.js';

export async function fetchGroup(id: string, signal?: AbortSignal): Promise<PortalGroup> {
  const { results } = await sparkRead(portalGroupReadSchema, {
    path: `/portal/groups/${encodeURIComponent(id)}`,
    signal,
  });
  const group = results[0];
  if (!group) throw new SparkApiError('Not found', 404, SparkCode.NotFound);
  return group;
}

export const groupQueryOptions = (id: string) =>
  queryOptions({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => fetchGroup(id, signal),
  });

/** The group as a loaded list page shows it, with when that page was fetched. */
export function findGroupInLists(queryClient: QueryClient, id: string) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: groupKeys.lists() })) {
    const page = query.state.data as GroupsPage | undefined;
    const group = page?.groups.find((candidate) => candidate.Id === id);
    if (group) return { group, updatedAt: query.state.dataUpdatedAt };
  }
  return undefined;
}

/** Seeds the detail cache from list data (so the page opens at once), then fetches if stale. */
export function prefetchGroup(queryClient: QueryClient, group: PortalGroup, updatedAt: number) {
  if (queryClient.getQueryData(groupKeys.detail(group.Id)) === undefined) {
    queryClient.setQueryData(groupKeys.detail(group.Id), group, { updatedAt });
  }
  void queryClient.prefetchQuery(groupQueryOptions(group.Id));
}

export function useGroup(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...groupQueryOptions(id),
    initialData: () => findGroupInLists(queryClient, id)?.group,
    initialDataUpdatedAt: () => findGroupInLists(queryClient, id)?.updatedAt,
  });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof SparkApiError && error.status === 404;
}
