import type { QueryClient } from '@tanstack/react-query';
import type { PortalGroup } from '../../shared/portal-groups.js';
import type { Account } from '../account/account.js';
import { compareNames } from '../../shared/name-order.js';
import { groupName } from './group-summary.js';
import { groupKeys } from './group-keys.js';

/** Any cached list of groups: a server page, or every group loaded at once. */
interface CachedGroupList {
  groups: PortalGroup[];
  pagination?: { TotalRows: number };
}

function isGroupList(data: unknown): data is CachedGroupList {
  return (
    typeof data === 'object' && data !== null && Array.isArray((data as CachedGroupList).groups)
  );
}

function isGroup(data: unknown, id: string): data is PortalGroup {
  return typeof data === 'object' && data !== null && (data as PortalGroup).Id === id;
}

/**
 * The one writer for cached groups: applies `update` to the group's page and to every cached list
 * showing it, so all views agree at once. `update` returning null removes the group (its page
 * keeps it while still shown, so the page is not replaced by a loading state before it is left).
 */
export function updateCachedGroup(
  queryClient: QueryClient,
  account: Account,
  id: string,
  update: (group: PortalGroup) => PortalGroup | null,
) {
  for (const [key, data] of queryClient.getQueriesData({ queryKey: groupKeys.all(account) })) {
    if (isGroup(data, id)) {
      const next = update(data);
      if (next) queryClient.setQueryData(key, next);
      else if (
        !queryClient.getQueryCache().find({ queryKey: key, exact: true })?.getObserversCount()
      )
        queryClient.removeQueries({ queryKey: key, exact: true });
    } else if (isGroupList(data) && data.groups.some((group) => group.Id === id)) {
      const groups = data.groups.flatMap((group) => {
        if (group.Id !== id) return [group];
        const next = update(group);
        return next ? [next] : [];
      });
      const removed = data.groups.length - groups.length;
      queryClient.setQueryData<CachedGroupList>(key, {
        ...data,
        groups,
        ...(data.pagination && {
          pagination: { ...data.pagination, TotalRows: data.pagination.TotalRows - removed },
        }),
      });
    }
  }
}

export function removeCachedGroup(queryClient: QueryClient, account: Account, id: string) {
  updateCachedGroup(queryClient, account, id, () => null);
}

type GroupCacheSnapshot = ReadonlyArray<readonly [readonly unknown[], unknown]>;

/** Everything cached about groups, to put back if a write is refused. */
export function snapshotGroups(queryClient: QueryClient, account: Account): GroupCacheSnapshot {
  return queryClient.getQueriesData({ queryKey: groupKeys.all(account) });
}

export function restoreGroups(queryClient: QueryClient, snapshot: GroupCacheSnapshot) {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

/**
 * A group made again (the Undo of a delete) goes back into a loaded whole book, in owner-name
 * order: the whole book is not read again on its own (see whole-book.ts).
 */
export function addToWholeBook(queryClient: QueryClient, account: Account, group: PortalGroup) {
  const key = groupKeys.wholeBook(account);
  const book = queryClient.getQueryData(key);
  if (!isGroupList(book) || book.groups.some((other) => other.Id === group.Id)) return;
  const name = groupName(group);
  const at = book.groups.findIndex((other) => compareNames(groupName(other), name) > 0);
  const groups = [...book.groups];
  groups.splice(at === -1 ? groups.length : at, 0, group);
  const counts = book as CachedGroupList & { loaded?: number; total?: number };
  queryClient.setQueryData(key, {
    ...book,
    groups,
    ...(typeof counts.loaded === 'number' && { loaded: counts.loaded + 1 }),
    ...(typeof counts.total === 'number' && { total: counts.total + 1 }),
  });
}
