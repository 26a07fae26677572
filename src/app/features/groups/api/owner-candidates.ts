import { queryOptions, useQuery, keepPreviousData } from '@tanstack/react-query';
import type { Contact } from '../../../../shared/contacts.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { SparkApiError } from '../../../api/spark-fetch.js';
import { allOf, containsFilter } from '../../../api/spark-ql.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { CONTACT_SEARCH_LIMIT, getContact, listContacts } from '../../../data/search-contacts.js';
import { groupsOwnedBy } from '../../../data/groups-owned-by.js';
import { compareNames } from '../../../../shared/name-order.js';

export interface PortalContact extends Contact {
  /** True when the contact already owns a group (so it cannot own a new one). */
  ownsGroup: boolean;
}

/** Contacts with an enabled portal account matching the text, each marked when it owns a group. */
async function searchPortalContacts(
  account: Account,
  q: string,
  signal?: AbortSignal,
): Promise<PortalContact[]> {
  const contacts = await listContacts(
    account,
    {
      filter: allOf('VowEnabled Eq true', containsFilter('DisplayName', q)),
      limit: CONTACT_SEARCH_LIMIT,
    },
    signal,
  );
  const owners = await groupsOwnedBy(
    account,
    contacts.map((contact) => contact.Id),
    signal,
  );
  return contacts
    .map((contact) => ({ ...contact, ownsGroup: owners.has(contact.Id) }))
    .sort((a, b) => compareNames(a.DisplayName, b.DisplayName));
}

const portalContactsQueryOptions = (account: Account, q: string) =>
  queryOptions({
    queryKey: [...contactKeys.all(account), 'portal-with-ownership', { q }] as const,
    queryFn: ({ signal }) => searchPortalContacts(account, q, signal),
    placeholderData: keepPreviousData,
  });

export function usePortalContacts(q: string) {
  return useQuery(portalContactsQueryOptions(useAccount(), q));
}

/** One contact as a possible owner (for `/groups/new?owner=<Id>`). */
async function fetchPortalContact(
  account: Account,
  id: string,
  signal?: AbortSignal,
): Promise<PortalContact> {
  const contact = await getContact(account, id, signal);
  if (!contact) throw new SparkApiError('Not found', 404, SparkCode.NotFound);
  const owners = await groupsOwnedBy(account, [contact.Id], signal);
  return { ...contact, ownsGroup: owners.has(contact.Id) };
}

const portalContactQueryOptions = (account: Account, id: string) =>
  queryOptions({
    queryKey: [...contactKeys.all(account), 'portal-with-ownership', 'one', id] as const,
    queryFn: ({ signal }) => fetchPortalContact(account, id, signal),
  });

/** The suggested owner (`?owner=`), when there is one. */
export function usePortalContact(id: string | null) {
  const account = useAccount();
  return useQuery({ ...portalContactQueryOptions(account, id ?? ''), enabled: id !== null });
}
