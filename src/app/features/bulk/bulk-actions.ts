import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FAVORITES_TAG } from '../../../shared/portal-groups.js';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { sparkWrite } from '../../api/spark-fetch.js';
import { removeCachedGroup, updateCachedGroup } from '../groups/api/group-cache.js';
import { groupKeys } from '../groups/api/group-keys.js';
import { runWithLimit } from '../../api/run-with-limit.js';
import type { Settled } from '../../api/run-with-limit.js';

export const BULK_CONCURRENCY = 4;

export type BulkActionKind = 'favorite' | 'unfavorite' | 'delete';

export const BULK_VERBS: Record<BulkActionKind, { done: string; failed: string }> = {
  favorite: { done: 'Added to Favorites', failed: 'Not added to Favorites' },
  unfavorite: { done: 'Removed from Favorites', failed: 'Not removed from Favorites' },
  delete: { done: 'Deleted', failed: 'Not deleted' },
};

function applyTo(kind: BulkActionKind, group: PortalGroup) {
  const path = `/portal/groups/${encodeURIComponent(group.Id)}`;
  if (kind === 'delete') return sparkWrite({ method: 'DELETE', path });
  return sparkWrite({
    method: 'PUT',
    path,
    body: { Tags: kind === 'favorite' ? [FAVORITES_TAG] : [] },
  });
}

export interface BulkRun {
  kind: BulkActionKind;
  results: Settled<PortalGroup, unknown>[];
}

/** One action over many groups, 4 at a time, with progress; failures are kept per group. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const mutation = useMutation({
    mutationKey: [...groupKeys.all, 'bulk'],
    mutationFn: async ({ kind, groups }: { kind: BulkActionKind; groups: PortalGroup[] }) => {
      setProgress({ done: 0, total: groups.length });
      const results = await runWithLimit(
        groups,
        BULK_CONCURRENCY,
        (group) => applyTo(kind, group),
        (done) => setProgress({ done, total: groups.length }),
      );
      return { kind, results } satisfies BulkRun;
    },
    onSuccess: ({ kind, results }) => {
      for (const result of results) {
        if (!result.ok) continue;
        if (kind === 'delete') removeCachedGroup(queryClient, result.item.Id);
        else
          updateCachedGroup(queryClient, result.item.Id, (group) => ({
            ...group,
            Tags: kind === 'favorite' ? [FAVORITES_TAG] : [],
          }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all }),
  });
  return { ...mutation, progress };
}
