import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { contactReadSchema } from '../../shared/contacts.js';
import { compareNames } from '../../shared/name-order.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkRead } from '../api/spark-fetch.js';
import { contactKeys } from './contact-keys.js';
import { contactSearchFilter } from './contact-search-filter.js';

export const CONTACT_SEARCH_LIMIT = 25;

/** `GET /v1/contacts`: the caller's contacts matching a SparkQL filter, by DisplayName. */
export async function listContacts(
  account: Account,
  query: { filter: string | undefined; limit: number },
  signal?: AbortSignal,
) {
  const { results } = await sparkRead(account, contactReadSchema, {
    path: '/contacts',
    query: { _filter: query.filter, _limit: query.limit, _orderby: 'DisplayName' },
    signal,
  });
  return results;
}

/** `GET /v1/contacts/<Id>`: one contact, or undefined when Spark answers none. */
export async function getContact(account: Account, id: string, signal?: AbortSignal) {
  const { results } = await sparkRead(account, contactReadSchema, {
    path: `/contacts/${encodeURIComponent(id)}`,
    signal,
  });
  return results[0];
}

/** One contact's record (its phones, e-mail), read when its panel opens. */
export function useContact(id: string, options: { enabled: boolean }) {
  const account = useAccount();
  return useQuery({
    queryKey: contactKeys.detail(account, id),
    queryFn: ({ signal }) => getContact(account, id, signal),
    enabled: options.enabled,
  });
}

async function searchContacts(account: Account, q: string, signal?: AbortSignal) {
  const results = await listContacts(
    account,
    { filter: contactSearchFilter(q), limit: CONTACT_SEARCH_LIMIT },
    signal,
  );
  // The same order as every other list of names, whatever collation the server used.
  return results.sort((a, b) => compareNames(a.DisplayName, b.DisplayName));
}

function contactSearchQueryOptions(account: Account, q: string) {
  const text = q.trim();
  return queryOptions({
    queryKey: contactKeys.search(account, { q: text }),
    queryFn: ({ signal }) => searchContacts(account, text, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContactSearch(q: string) {
  return useQuery(contactSearchQueryOptions(useAccount(), q));
}
