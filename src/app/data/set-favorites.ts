import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FAVORITES_TAG } from '../../shared/portal-groups.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { groupKeys } from './group-keys.js';
import { restoreGroups, snapshotGroups, updateCachedGroup } from './group-cache.js';

export function setFavorites(account: Account, id: string, favorite: boolean) {
  return sparkWrite(account, {
    method: 'PUT',
    path: `/portal/groups/${encodeURIComponent(id)}`,
    body: { Tags: favorite ? [FAVORITES_TAG] : [] },
  });
}

function withFavorite(tags: string[], favorite: boolean): string[] {
  const others = tags.filter((tag) => tag !== FAVORITES_TAG);
  return favorite ? [...others, FAVORITES_TAG] : others;
}

/** Optimistic: the group and list rows change at once and roll back if the server refuses. */
export function useSetFavorites(id: string) {
  const queryClient = useQueryClient();
  const account = useAccount();
  return useMutation({
    mutationKey: [...groupKeys.detail(account, id), 'favorites'],
    scope: { id: `group-${id}` },
    mutationFn: (favorite: boolean) => setFavorites(account, id, favorite),
    onMutate: async (favorite) => {
      await queryClient.cancelQueries({ queryKey: groupKeys.all(account) });
      const snapshot = snapshotGroups(queryClient, account);
      updateCachedGroup(queryClient, account, id, (group) => ({
        ...group,
        Tags: withFavorite(group.Tags, favorite),
      }));
      return { snapshot };
    },
    onError: (error, _favorite, context) => {
      if (context) restoreGroups(queryClient, context.snapshot);
      notifyError('Favorites not changed', error);
    },
    onSuccess: (_result, favorite) =>
      notifySuccess(favorite ? 'Added to Favorites' : 'Removed from Favorites'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all(account) }),
  });
}
