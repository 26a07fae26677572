import { useMutation, useQueryClient } from '@tanstack/react-query';
import { portalSettings } from '../../shared/contacts.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { contactKeys } from './contact-keys.js';
import { groupKeys } from './group-keys.js';

function createPortalAccount(account: Account, contactId: string) {
  return sparkWrite(account, {
    method: 'POST',
    path: `/contacts/${encodeURIComponent(contactId)}/portal`,
    body: portalSettings(true),
  });
}

export function useCreatePortalAccount() {
  const queryClient = useQueryClient();
  const account = useAccount();
  return useMutation({
    // A contact's new portal account also shows in the groups they are in.
    meta: { syncKeys: [groupKeys.all(account), contactKeys.all(account)] },
    mutationFn: (contact: { Id: string; DisplayName: string }) =>
      createPortalAccount(account, contact.Id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactKeys.all(account) }),
  });
}
