import { useMutation, useQueryClient } from '@tanstack/react-query';
import { portalAccountReadSchema } from '../../../../shared/contacts.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { SparkApiError, sparkRead, sparkWrite } from '../../../api/spark-fetch.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import { groupKeys } from '../../../data/group-keys.js';

interface CreateGroupInput {
  ownerContactId: string;
  memberContactIds: string[];
}

/** A group's Id is its owner's portal account Id: look it up, then POST the users to it. */
async function createGroup(
  account: Account,
  { ownerContactId, memberContactIds }: CreateGroupInput,
) {
  const { results } = await sparkRead(account, portalAccountReadSchema, {
    path: `/contacts/${encodeURIComponent(ownerContactId)}/portal`,
  });
  const portal = results[0];
  if (!portal) throw new SparkApiError('No portal account', 400, SparkCode.NoPortalAccount);
  const users = [ownerContactId, ...memberContactIds.filter((id) => id !== ownerContactId)];
  await sparkWrite(account, {
    method: 'POST',
    path: `/portal/groups/${encodeURIComponent(portal.Id)}`,
    body: { Users: users.map((Id) => ({ Id })) },
  });
  return { groupId: portal.Id };
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  const account = useAccount();
  return useMutation({
    mutationKey: [...groupKeys.all(account), 'create'],
    mutationFn: (input: CreateGroupInput) => createGroup(account, input),
    onSuccess: () => notifySuccess('Group created', { account }),
    onError: (error) => notifyError('Group not created', error, { account }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.lists(account) }),
        queryClient.invalidateQueries({ queryKey: contactKeys.all(account) }),
      ]),
  });
}
