import { queryOptions, useQuery, keepPreviousData } from '@tanstack/react-query';
import type { Contact } from '../../../../shared/contacts.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
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
export async function searchPortalContacts(
  q: string,
  signal?: AbortSignal,
): Promise<PortalContact[]> {
  const contacts = await listContacts(
    {
      filter: allOf('VowEnabled Eq true', containsFilter('DisplayName', q)),
      limit: CONTACT_SEARCH_LIMIT,
    },
    signal,
  );
  const owners = await groupsOwnedBy(
    contacts.map((contact) => contact.Id),
    signal,
  );
  return contacts
    .map((contact) => ({ ...contact, ownsGroup: owners.has(contact.Id) }))
    .sort((a, b) => compareNames(a.DisplayName, b.DisplayName));
}

export const portalContactsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...contactKeys.all, 'portal-with-ownership', { q }] as const,
    queryFn: ({ signal }) => searchPortalContacts(q, signal),
    placeholderData: keepPreviousData,
  });

export function usePortalContacts(q: string) {
  return useQuery(portalContactsQueryOptions(q));
}

/** One contact as a possible owner (for `/groups/new?owner=<Id>`). */
export async function fetchPortalContact(id: string, signal?: AbortSignal): Promise<PortalContact> {
  const contact = await getContact(id, signal);
  if (!contact) throw new SparkApiError('Not found', 404, SparkCode.NotFound);
  const owners = await groupsOwnedBy([contact.Id], signal);
  return { ...contact, ownsGroup: owners.has(contact.Id) };
}

export function usePortalContact(id: string | null) {
  return useQuery({
    queryKey: [...contactKeys.all, 'portal-with-ownership', 'one', id] as const,
    queryFn: ({ signal }) => fetchPortalContact(id ?? '', signal),
    enabled: id !== null,
  });
}
