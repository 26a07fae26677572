/** Query keys for contacts, general → specific. */
export const contactKeys = {
  all: ['contacts'] as const,
  searches: () => [...contactKeys.all, 'search'] as const,
  search: (params: { q: string; portalOnly?: boolean }) =>
    [...contactKeys.searches(), params] as const,
  details: () => [...contactKeys.all, 'detail'] as const,
  detail: (id: string) => [...contactKeys.details(), id] as const,
  emails: (ids: string[]) => [...contactKeys.all, 'emails', ids] as const,
};
