import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FAVORITES_TAG } from '../../shared/portal-groups.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { auditContext } from './audit-names.js';
import { findGroupInLists } from './get-group.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { groupKeys } from './group-keys.js';
import { restoreGroups, snapshotGroups, updateCachedGroup } from './group-cache.js';

/** Puts a circle in Favorites or takes it out; `group`, when known, names it in the audit trail. */
export function setFavorites(account: Account, id: string, favorite: boolean, group?: PortalGroup) {
  return sparkWrite(account, {
    method: 'PUT',
    path: `/portal/groups/${encodeURIComponent(id)}`,
    body: { Tags: favorite ? [FAVORITES_TAG] : [] },
    audit: auditContext(group),
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
    mutationFn: (favorite: boolean) =>
      setFavorites(
        account,
        id,
        favorite,
        queryClient.getQueryData<PortalGroup>(groupKeys.detail(account, id)) ??
          findGroupInLists(queryClient, account, id)?.group,
      ),
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
      notifyError('Favorites not changed', error, { account });
    },
    onSuccess: (_result, favorite) =>
      notifySuccess(favorite ? 'Added to Favorites' : 'Removed from Favorites', { account }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.all(account) }),
  });
}
