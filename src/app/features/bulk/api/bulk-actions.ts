import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FAVORITES_TAG } from '../../../../shared/portal-groups.js';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { accountScope, type Account } from '../../../account/account.js';
import { notifyError, notifySuccess, notifyWithUndo } from '../../../ui/notify.js';
import { useAccount } from '../../../account/use-account.js';
import { addToWholeBook, removeCachedGroup, updateCachedGroup } from '../../../data/group-cache.js';
import { deleteGroup, recreateGroup } from '../../../data/delete-group.js';
import { groupKeys } from '../../../data/group-keys.js';
import { setFavorites } from '../../../data/set-favorites.js';
import { runWithLimit } from '../../../api/run-with-limit.js';
import type { Settled } from '../../../api/run-with-limit.js';

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

/**
 * Undo of a bulk delete: every deleted group created again (members, owner first, and tags), 4 at
 * a time, as single delete's Undo does for one.
 */
function useRestoreGroups(account: Account) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...groupKeys.all(account), 'recreate-many'],
    mutationFn: (groups: PortalGroup[]) =>
      runWithLimit(groups, BULK_CONCURRENCY, (group) => recreateGroup(account, group)),
    onSuccess: (results) => {
      for (const result of results)
        if (result.ok) addToWholeBook(queryClient, account, result.item);
      const failed = results.filter((result) => !result.ok);
      const restored = results.length - failed.length;
      if (failed[0] && !failed[0].ok)
        notifyError(`${failed.length} of ${results.length} groups not restored`, failed[0].error, {
          account,
        });
      else
        notifySuccess(`Restored ${restored} ${restored === 1 ? 'group' : 'groups'}`, { account });
    },
    onError: (error) => notifyError('Groups not restored', error, { account }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all(account) }),
  });
}

/**
 * One action over many groups, 4 at a time, with progress; failures are kept per group.
 * `onUndo` runs when a bulk delete's Undo is pressed (its result no longer holds).
 */
export function useBulkAction({ onUndo }: { onUndo?: () => void } = {}) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const restore = useRestoreGroups(account);
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
      const deleted = results.flatMap((result) => (result.ok ? [result.item] : []));
      if (kind === 'delete' && deleted.length > 0)
        notifyWithUndo({
          id: `bulk-deleted-${accountScope(account)}`,
          group: `bulk-deleted-${accountScope(account)}`,
          verb: 'Deleted',
          names: [],
          counted: { count: deleted.length, noun: 'group' },
          onUndo: () => {
            onUndo?.();
            restore.mutate(deleted);
          },
          account,
        });
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
