import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FAVORITES_TAG } from '../../../shared/portal-groups.js';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import type { Account } from '../../account/account.js';
import { useAccount } from '../../account/use-account.js';
import { removeCachedGroup, updateCachedGroup } from '../../data/group-cache.js';
import { deleteGroup } from '../../data/delete-group.js';
import { groupKeys } from '../../data/group-keys.js';
import { setFavorites } from '../../data/set-favorites.js';
import { runWithLimit } from '../../api/run-with-limit.js';
import type { Settled } from '../../api/run-with-limit.js';

const BULK_CONCURRENCY = 4;

export type BulkActionKind = 'favorite' | 'unfavorite' | 'delete';

export const BULK_VERBS: Record<BulkActionKind, { done: string; failed: string }> = {
  favorite: { done: 'Added to Favorites', failed: 'Not added to Favorites' },
  unfavorite: { done: 'Removed from Favorites', failed: 'Not removed from Favorites' },
  delete: { done: 'Deleted', failed: 'Not deleted' },
};

function applyTo(account: Account, kind: BulkActionKind, group: PortalGroup) {
  return kind === 'delete'
    ? deleteGroup(account, group.Id, group)
    : setFavorites(account, group.Id, kind === 'favorite', group);
}

export interface BulkRun {
  kind: BulkActionKind;
  results: Settled<PortalGroup, unknown>[];
}

/** One action over many groups, 4 at a time, with progress; failures are kept per group. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  const account = useAccount();
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const mutation = useMutation({
    mutationKey: [...groupKeys.all(account), 'bulk'],
    mutationFn: async ({ kind, groups }: { kind: BulkActionKind; groups: PortalGroup[] }) => {
      setProgress({ done: 0, total: groups.length });
      const results = await runWithLimit(
        groups,
        BULK_CONCURRENCY,
        (group) => applyTo(account, kind, group),
        (done) => setProgress({ done, total: groups.length }),
      );
      return { kind, results } satisfies BulkRun;
    },
    onSuccess: ({ kind, results }) => {
      for (const result of results) {
        if (!result.ok) continue;
        if (kind === 'delete') removeCachedGroup(queryClient, account, result.item.Id);
        else
          updateCachedGroup(queryClient, account, result.item.Id, (group) => ({
            ...group,
            Tags: kind === 'favorite' ? [FAVORITES_TAG] : [],
          }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all(account) }),
  });
  return { ...mutation, progress };
}
