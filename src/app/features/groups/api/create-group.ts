import { useMutation, useQueryClient } from '@tanstack/react-query';
import { portalAccountReadSchema } from '../../../../shared/contacts.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
import { SparkApiError, sparkRead, sparkWrite } from '../../../api/spark-fetch.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import { groupKeys } from '../../../data/group-keys.js';

export interface CreateGroupInput {
  ownerContactId: string;
  memberContactIds: string[];
}

/** A group's Id is its owner's portal account Id: look it up, then POST the users to it. */
export async function createGroup({ ownerContactId, memberContactIds }: CreateGroupInput) {
  const { results } = await sparkRead(portalAccountReadSchema, {
    path: `/contacts/${encodeURIComponent(ownerContactId)}/portal`,
  });
  const account = results[0];
  if (!account) throw new SparkApiError('No portal account', 400, SparkCode.NoPortalAccount);
  const users = [ownerContactId, ...memberContactIds.filter((id) => id !== ownerContactId)];
  await sparkWrite({
    method: 'POST',
    path: `/portal/groups/${encodeURIComponent(account.Id)}`,
    body: { Users: users.map((Id) => ({ Id })) },
  });
  return { groupId: account.Id };
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...groupKeys.all, 'create'],
    mutationFn: createGroup,
    onSuccess: () => notifySuccess('Group created'),
    onError: (error) => notifyError('Group not created', error),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: contactKeys.all }),
      ]),
  });
}
