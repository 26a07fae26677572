import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sparkWrite } from '../../../api/spark-fetch.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import { removeCachedGroup } from './group-cache.js';
import { groupKeys } from './group-keys.js';

export function deleteGroup(id: string) {
  return sparkWrite({ method: 'DELETE', path: `/portal/groups/${encodeURIComponent(id)}` });
}

export function useDeleteGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...groupKeys.detail(id), 'delete'],
    scope: { id: `group-${id}` },
    mutationFn: () => deleteGroup(id),
    onSuccess: () => {
      removeCachedGroup(queryClient, id);
      notifySuccess('Group deleted');
    },
    onError: (error) => notifyError('Group not deleted', error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}
