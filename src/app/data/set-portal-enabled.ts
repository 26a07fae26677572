import { portalSettings } from '../../shared/contacts.js';
import type { Account } from '../account/account.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { auditContext } from './audit-names.js';

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
