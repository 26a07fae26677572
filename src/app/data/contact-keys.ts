import { accountScope } from '../account/account.js';
import type { Account } from '../account/account.js';

/** Query keys for contacts, general → specific; the second part says whose they are. */
export const contactKeys = {
  all: (account: Account) => ['contacts', accountScope(account)] as const,
  searches: (account: Account) => [...contactKeys.all(account), 'search'] as const,
  search: (account: Account, params: { q: string; portalOnly?: boolean }) =>
    [...contactKeys.searches(account), params] as const,
  details: (account: Account) => [...contactKeys.all(account), 'detail'] as const,
  detail: (account: Account, id: string) => [...contactKeys.details(account), id] as const,
  emails: (account: Account, ids: string[]) => [...contactKeys.all(account), 'emails', ids] as const,
};
