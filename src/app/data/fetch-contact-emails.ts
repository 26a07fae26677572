import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { contactReadSchema } from '../../shared/contacts.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { sparkRead } from '../api/spark-fetch.js';
import { anyOfFilter } from '../api/spark-ql.js';
import { runWithLimit } from '../api/run-with-limit.js';
import { contactKeys } from './contact-keys.js';

/** The Spark page size cap: one request per 25 Ids. */
const EMAIL_BATCH_SIZE = 25;
const PARALLEL_REQUESTS = 4;
const contactEmailSchema = contactReadSchema.pick({ Id: true, PrimaryEmail: true });

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

/** Contact Id → PrimaryEmail (null when the contact has none). Any failed batch fails the whole. */
export async function fetchContactEmails(
  account: Account,
  contactIds: string[],
  signal?: AbortSignal,
): Promise<Map<string, string | null>> {
  const unique = [...new Set(contactIds)];
  const settled = await runWithLimit(chunks(unique, EMAIL_BATCH_SIZE), PARALLEL_REQUESTS, (ids) =>
    sparkRead(account, contactEmailSchema, {
      path: '/contacts',
      query: {
        _filter: anyOfFilter('Id', ids),
        _select: 'Id,PrimaryEmail',
        _limit: EMAIL_BATCH_SIZE,
      },
      signal,
    }),
  );
  const emails = new Map<string, string | null>();
  for (const batch of settled) {
    if (!batch.ok) throw batch.error;
    for (const contact of batch.value.results) emails.set(contact.Id, contact.PrimaryEmail ?? null);
  }
  return emails;
}

/** The e-mails of a set of contacts (a group's members): one request per 25, cached. */
function contactEmailsQueryOptions(account: Account, contactIds: string[]) {
  const ids = [...new Set(contactIds)].sort();
  return queryOptions({
    queryKey: contactKeys.emails(account, ids),
    queryFn: ({ signal }) => fetchContactEmails(account, ids, signal),
    staleTime: 5 * 60_000,
    enabled: ids.length > 0,
  });
}

/** Before a circle opens (intent on its row): its members' e-mails, so they show with the rows. */
export function prefetchContactEmails(
  queryClient: QueryClient,
  account: Account,
  contactIds: string[],
) {
  if (contactIds.length > 0)
    void queryClient.prefetchQuery(contactEmailsQueryOptions(account, contactIds));
}

/** Only agents may read contacts: consumers get no request. */
export function useContactEmails(contactIds: string[], options: { enabled: boolean }) {
  const query = contactEmailsQueryOptions(useAccount(), contactIds);
  return useQuery({ ...query, enabled: options.enabled && contactIds.length > 0 });
}
