import { contactReadSchema } from '../../../shared/contacts.js';
import { sparkRead } from '../../api/spark-fetch.js';
import { anyOfFilter } from '../../api/spark-ql.js';
import { runWithLimit } from '../bulk/run-with-limit.js';

/** The Spark page size cap: one request per 25 Ids. */
export const EMAIL_BATCH_SIZE = 25;
const PARALLEL_REQUESTS = 4;
const memberEmailSchema = contactReadSchema.pick({ Id: true, PrimaryEmail: true });

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

/** Contact Id → PrimaryEmail (null when the contact has none). Any failed batch fails the whole. */
export async function fetchMemberEmails(contactIds: string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(contactIds)];
  const settled = await runWithLimit(chunks(unique, EMAIL_BATCH_SIZE), PARALLEL_REQUESTS, (ids) =>
    sparkRead(memberEmailSchema, {
      path: '/contacts',
      query: {
        _filter: anyOfFilter('Id', ids),
        _select: 'Id,PrimaryEmail',
        _limit: EMAIL_BATCH_SIZE,
      },
    }),
  );
  const emails = new Map<string, string | null>();
  for (const batch of settled) {
    if (!batch.ok) throw batch.error;
    for (const contact of batch.value.results) emails.set(contact.Id, contact.PrimaryEmail ?? null);
  }
  return emails;
}
