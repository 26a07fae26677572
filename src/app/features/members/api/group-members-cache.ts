import type { QueryClient } from '@tanstack/react-query';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { updateCachedGroup } from '../../../data/group-cache.js';
import { groupKeys } from '../../../data/group-keys.js';

type UsersUpdate = (users: PortalGroupUser[], ownerId: string | undefined) => PortalGroupUser[];

export const membersMutationKey = (account: Account, groupId: string) =>
  [...groupKeys.detail(account, groupId), 'members'] as const;

export async function cancelGroupQueries(
  queryClient: QueryClient,
  account: Account,
  groupId: string,
) {
  await Promise.all([
    queryClient.cancelQueries({ queryKey: groupKeys.detail(account, groupId) }),
    queryClient.cancelQueries({ queryKey: groupKeys.lists(account) }),
  ]);
}

/**
 * Applies a change to the group's members wherever the group is cached. Rollbacks apply the
 * inverse change, so a refused write does not undo other changes made meanwhile.
 */
export function updateCachedMembers(
  queryClient: QueryClient,
  account: Account,
  groupId: string,
  update: UsersUpdate,
) {
  updateCachedGroup(queryClient, account, groupId, (group) => ({
    ...group,
    Users: update(group.Users, group.ContactId),
  }));
}

/** Refetch the groups once no other member change of this group is still on its way. */
export function invalidateGroupsWhenIdle(
  queryClient: QueryClient,
  account: Account,
  groupId: string,
) {
  if (queryClient.isMutating({ mutationKey: membersMutationKey(account, groupId) }) > 1) return;
  return queryClient.invalidateQueries({ queryKey: groupKeys.all(account) });
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Adds users not yet present, keeping the API's order: owner first, then by name. */
export function withMembers(
  users: PortalGroupUser[],
  added: PortalGroupUser[],
  ownerId: string | undefined,
) {
  const present = new Set(users.map((user) => user.Id));
  const merged = [...users, ...added.filter((user) => !present.has(user.Id))];
  return merged.sort((a, b) => {
    if (a.Id === ownerId) return -1;
    if (b.Id === ownerId) return 1;
    return byName.compare(a.Name, b.Name);
  });
}

export function withoutMembers(users: PortalGroupUser[], removedIds: string[]) {
  const removed = new Set(removedIds);
  return users.filter((user) => !removed.has(user.Id));
}
