import { queryOptions, useQuery, keepPreviousData } from '@tanstack/react-query';
import { contactReadSchema } from '../../../../shared/contacts.js';
import type { Contact } from '../../../../shared/contacts.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
import { SparkApiError, sparkRead } from '../../../api/spark-fetch.js';
import { allOf, containsFilter } from '../../../api/spark-ql.js';
import { contactKeys } from '../../contacts/api/contact-keys.js';
import { groupsOwnedBy } from './groups-owned-by.js';
import { compareNames } from '../../../../shared/name-order.js';

const SEARCH_LIMIT = 25;

export interface PortalContact extends Contact {
  /** True when the contact already owns a group (so it cannot own a new one). */
  ownsGroup: boolean;
}

/** Contacts with an enabled portal account matching the text, each marked when it owns a group. */
export async function searchPortalContacts(
  q: string,
  signal?: AbortSignal,
): Promise<PortalContact[]> {
  const { results: contacts } = await sparkRead(contactReadSchema, {
    path: '/contacts',
    query: {
      _limit: SEARCH_LIMIT,
      _orderby: 'DisplayName',
      _filter: allOf('VowEnabled Eq true', containsFilter('DisplayName', q)),
    },
    signal,
  });
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
  const { results } = await sparkRead(contactReadSchema, {
    path: `/contacts/${encodeURIComponent(id)}`,
    signal,
  });
  const contact = results[0];
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
