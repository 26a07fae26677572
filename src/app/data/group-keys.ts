/** Query keys for portal groups, general → specific, so one prefix invalidates a family. */
export interface GroupListParams {
  q: string;
  sort: 'Name' | '-Name';
  page: number;
}

export const groupKeys = {
  all: ['groups'] as const,
  lists: () => [...groupKeys.all, 'list'] as const,
  list: (params: GroupListParams) => [...groupKeys.lists(), params] as const,
  /** Every group, loaded page by page for filters and sorts Spark does not offer. */
  wholeBook: () => [...groupKeys.all, 'whole-book'] as const,
  details: () => [...groupKeys.all, 'detail'] as const,
  detail: (id: string) => [...groupKeys.details(), id] as const,
};
