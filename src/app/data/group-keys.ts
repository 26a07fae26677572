import { accountScope } from '../account/account.js';
import type { Account } from '../account/account.js';

/** Query keys for portal groups, general → specific, so one prefix invalidates a family. */
export interface GroupListParams {
  q: string;
  sort: 'Name' | '-Name';
  page: number;
}

/** Every key starts with the family and whose data it is (`me` or an agent's Id). */
export const groupKeys = {
  all: (account: Account) => ['groups', accountScope(account)] as const,
  lists: (account: Account) => [...groupKeys.all(account), 'list'] as const,
  list: (account: Account, params: GroupListParams) =>
    [...groupKeys.lists(account), params] as const,
  /** Every group, loaded page by page for filters and sorts Spark does not offer. */
  wholeBook: (account: Account) => [...groupKeys.all(account), 'whole-book'] as const,
  details: (account: Account) => [...groupKeys.all(account), 'detail'] as const,
  detail: (account: Account, id: string) => [...groupKeys.details(account), id] as const,
};
