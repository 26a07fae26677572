import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalGroupReadSchema } from '../../../../shared/portal-groups.js';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { sparkRead, sparkWrite } from '../../../api/spark-fetch.js';
import { shareKeys } from '../../../data/share-keys.js';

/** The circle a consumer works in (`/portal/groups/current`); null: on their own. */
async function fetchCurrentCircle(account: Account, signal?: AbortSignal) {
  const { results } = await sparkRead(account, portalGroupReadSchema, {
    path: '/portal/groups/current',
    signal,
  });
  return results[0] ?? null;
}

export const currentCircleQueryOptions = (account: Account) =>
  queryOptions({
    queryKey: shareKeys.currentCircle(account),
    queryFn: ({ signal }) => fetchCurrentCircle(account, signal),
  });

export function useCurrentCircle(enabled = true) {
  return useQuery({ ...currentCircleQueryOptions(useAccount()), enabled });
}

/**
 * Work in a circle (`PUT current`, its Id) or on one's own (`DELETE current`, null). What the
 * consumer's carts are changes with it, so they are read again.
 */
export function useChooseCircle(callbacks: {
  onError?: (error: Error, circle: PortalGroup | null) => void;
  onSuccess?: (circle: PortalGroup | null) => void;
}) {
  const account = useAccount();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...shareKeys.currentCircle(account), 'choose'],
    mutationFn: (circle: PortalGroup | null) =>
      circle
        ? sparkWrite(account, {
            method: 'PUT',
            path: '/portal/groups/current',
            body: { Id: circle.Id },
          })
        : sparkWrite(account, { method: 'DELETE', path: '/portal/groups/current' }),
    onSuccess: (_answer, circle) => {
      queryClient.setQueryData(shareKeys.currentCircle(account), circle);
      callbacks.onSuccess?.(circle);
    },
    onError: (error, circle) => callbacks.onError?.(error, circle),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shareKeys.consumer(account) }),
  });
}
