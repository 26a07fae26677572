import { keyScope } from '../api/acting-for.js';

/** Query keys for contacts, general → specific; the second part says whom they are for. */
export const contactKeys = {
  get all() {
    return ['contacts', keyScope()] as const;
  },
  searches: () => [...contactKeys.all, 'search'] as const,
  search: (params: { q: string; portalOnly?: boolean }) =>
    [...contactKeys.searches(), params] as const,
  details: () => [...contactKeys.all, 'detail'] as const,
  detail: (id: string) => [...contactKeys.details(), id] as const,
  emails: (ids: string[]) => [...contactKeys.all, 'emails', ids] as const,
};
