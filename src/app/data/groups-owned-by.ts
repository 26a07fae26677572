import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import type { Account } from '../account/account.js';
import { sparkRead } from '../api/spark-fetch.js';
import { anyOfFilter } from '../api/spark-ql.js';

const ownedGroupSchema = portalGroupReadSchema.pick({ Id: true, ContactId: true });

/** For up to 25 contacts: which group each owns, as contact Id → group Id. */
export async function groupsOwnedBy(
  account: Account,
  contactIds: string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  if (contactIds.length === 0) return new Map();
  const { results } = await sparkRead(account, ownedGroupSchema, {
    path: '/portal/groups',
    query: {
      _limit: contactIds.length,
      _select: 'Id,ContactId',
      _filter: anyOfFilter('ContactId', contactIds),
    },
    signal,
  });
  return new Map(results.map((group) => [group.ContactId, group.Id]));
}
