import { useMutation, useQueryClient } from '@tanstack/react-query';
import { portalSettings } from '../../shared/contacts.js';
import type { Account } from '../account/account.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { useAccount } from '../account/use-account.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { auditContext } from './audit-names.js';
import { contactKeys } from './contact-keys.js';
import { groupKeys } from './group-keys.js';

/** Turns a contact's portal account on or off, with Spark's documented Settings body. */
export function setPortalEnabled(
  account: Account,
  contact: { Id: string; Name?: string },
  enabled: boolean,
) {
  return sparkWrite(account, {
    method: 'PUT',
    path: `/contacts/${encodeURIComponent(contact.Id)}/portal`,
    body: portalSettings(enabled),
    audit: auditContext(undefined, [contact]),
  });
}

/** Turns a contact's portal on or off outside any group (the contact panel of a non-member). */
export function useSetContactPortal() {
  const queryClient = useQueryClient();
  const account = useAccount();
  return useMutation({
    meta: { syncKeys: [groupKeys.all(account), contactKeys.all(account)] },
    mutationFn: ({ contact, enabled }: { contact: { Id: string; Name: string }; enabled: boolean }) =>
      setPortalEnabled(account, contact, enabled),
    onSuccess: (_, { contact, enabled }) =>
      notifySuccess(`Portal turned ${enabled ? 'on' : 'off'} for ${contact.Name}`, { account }),
    onError: (error, { enabled }) =>
      notifyError(`Portal not turned ${enabled ? 'on' : 'off'}`, error, { account }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactKeys.all(account) }),
        queryClient.invalidateQueries({ queryKey: groupKeys.all(account) }),
      ]),
  });
}
