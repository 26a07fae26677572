import { keyScope } from '../api/acting-for.js';

/** Query keys for portal groups, general → specific, so one prefix invalidates a family. */
export interface GroupListParams {
  q: string;
  sort: 'Name' | '-Name';
  page: number;
}

/** Every key starts with the family and whom the data is for (`me` or an agent's Id). */
export const groupKeys = {
  /** The groups of the account this tab acts for. */
  get all() {
    return ['groups', keyScope()] as const;
  },
  lists: () => [...groupKeys.all, 'list'] as const,
  list: (params: GroupListParams) => [...groupKeys.lists(), params] as const,
  /** Every group, loaded page by page for filters and sorts Spark does not offer (per agent). */
  wholeBook: (agentId?: string | null) =>
    ['groups', agentId === undefined ? keyScope() : keyScope(agentId), 'whole-book'] as const,
  details: () => [...groupKeys.all, 'detail'] as const,
  detail: (id: string) => [...groupKeys.details(), id] as const,
};
