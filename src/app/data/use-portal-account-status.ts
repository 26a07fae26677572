import type { Contact } from '../../shared/contacts.js';
import { usePortalAccount } from './get-portal-account.js';

export type PortalAccountStatus = 'enabled' | 'disabled' | 'none' | 'checking' | 'unknown';

/** VowEnabled only tells "enabled account"; for the others the portal endpoint says disabled or none. */
export function usePortalAccountStatus(contact: Contact, options: { enabled: boolean }) {
  const needsLookup = options.enabled && !contact.VowEnabled;
  const account = usePortalAccount(contact.Id, { enabled: needsLookup });
  let status: PortalAccountStatus;
  if (contact.VowEnabled) status = 'enabled';
  else if (!needsLookup) status = 'unknown';
  else if (account.isPending) status = account.isError ? 'unknown' : 'checking';
  else if (account.isError) status = 'unknown';
  else if (account.data === null) status = 'none';
  else if (account.data.Enabled === undefined) status = 'unknown';
  else status = account.data.Enabled ? 'enabled' : 'disabled';
  return status;
}
