import { queryOptions, useQuery, keepPreviousData } from '@tanstack/react-query';
import { contactReadSchema } from '../../../../shared/contacts.js';
import type { Contact } from '../../../../shared/contacts.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { SparkApiError, sparkRead } from '../../../api/spark-fetch.js';
import { allOf, containsFilter } from '../../../api/spark-ql.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { CONTACT_SEARCH_LIMIT, getContact } from '../../../data/search-contacts.js';
import { groupsOwnedBy } from '../../../data/groups-owned-by.js';
import { compareNames } from '../../../../shared/name-order.js';

export interface PortalContact extends Contact {
  /** True when the contact already owns a group (so it cannot own a new one). */
  ownsGroup: boolean;
}

/** The first contacts matching `filter` by DisplayName, and how many match in all. */
async function contactsAndTotal(
  account: Account,
  filter: string | undefined,
  limit: number,
  signal?: AbortSignal,
) {
  const { results, pagination } = await sparkRead(account, contactReadSchema, {
    path: '/contacts',
    query: { _filter: filter, _limit: limit, _orderby: 'DisplayName', _pagination: 1 },
    signal,
  });
  return { contacts: results, total: pagination?.TotalRows ?? results.length };
}

/**
 * Contacts with an enabled portal account matching the text, each marked when it owns a group,
 * with how many match in all (a page shows 25).
 */
async function searchPortalContacts(
  account: Account,
  q: string,
  signal?: AbortSignal,
): Promise<{ contacts: PortalContact[]; total: number }> {
  const { contacts, total } = await contactsAndTotal(
    account,
    allOf('VowEnabled Eq true', containsFilter('DisplayName', q)),
    CONTACT_SEARCH_LIMIT,
    signal,
  );
  const owners = await groupsOwnedBy(
    account,
    contacts.map((contact) => contact.Id),
    signal,
  );
  return {
    contacts: contacts
      .map((contact) => ({ ...contact, ownsGroup: owners.has(contact.Id) }))
      .sort((a, b) => compareNames(a.DisplayName, b.DisplayName)),
    total,
  };
}

/** How many shown as not listed by name: the first few, each with its portal state. */
const NOT_LISTED_SHOWN = 5;

/**
 * What the pickers leave out: contacts matching the text without an enabled portal account
 * (none at all, or one turned off), the first few and how many in all.
 */
async function searchContactsWithoutPortal(account: Account, q: string, signal?: AbortSignal) {
  return contactsAndTotal(
    account,
    allOf('VowEnabled Eq false', containsFilter('DisplayName', q)),
    NOT_LISTED_SHOWN,
    signal,
  );
}

export function useContactsWithoutPortal(q: string) {
  const account = useAccount();
  return useQuery({
    queryKey: [...contactKeys.all(account), 'without-portal', { q }] as const,
    queryFn: ({ signal }) => searchContactsWithoutPortal(account, q, signal),
    placeholderData: keepPreviousData,
  });
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
