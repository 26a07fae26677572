import { portalSettings } from '../../shared/contacts.js';
import type { Account } from '../account/account.js';
import { sparkWrite } from '../api/spark-fetch.js';

/** Turns a contact's portal account on or off, with Spark's documented Settings body. */
export function setPortalEnabled(account: Account, contactId: string, enabled: boolean) {
  return sparkWrite(account, {
    method: 'PUT',
    path: `/contacts/${encodeURIComponent(contactId)}/portal`,
    body: portalSettings(enabled),
  });
}
