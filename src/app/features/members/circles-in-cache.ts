import type { QueryClient } from '@tanstack/react-query';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import type { Account } from '../../account/account.js';
import { groupKeys } from '../../data/group-keys.js';

function isGroup(value: unknown): value is PortalGroup {
  return (
    typeof value === 'object' &&
    value !== null &&
    'Id' in value &&
    'ContactId' in value &&
    Array.isArray((value as { Users?: unknown }).Users)
  );
}

/** Every group the app holds so far (detail pages and list pages), each once. */
function cachedGroups(queryClient: QueryClient, account: Account): PortalGroup[] {
  const found = new Map<string, PortalGroup>();
  const visit = (value: unknown) => {
    if (isGroup(value)) {
      if (!found.has(value.Id)) found.set(value.Id, value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      // List pages keep their groups one level down ({ groups }, { results }, { pages }).
      Object.values(value).forEach((child) => {
        if (Array.isArray(child)) child.forEach(visit);
      });
    }
  };
  // Details first: a group's own page is the freshest copy of it.
  for (const [, data] of queryClient.getQueriesData({ queryKey: groupKeys.details(account) }))
    visit(data);
  for (const [, data] of queryClient.getQueriesData({ queryKey: groupKeys.all(account) }))
    visit(data);
  return [...found.values()];
}

/** The groups a contact is in, as far as the app has loaded them. */
export function circlesInCache(
  queryClient: QueryClient,
  account: Account,
  contactId: string,
): PortalGroup[] {
  return cachedGroups(queryClient, account).filter((group) =>
    group.Users.some((user) => user.Id === contactId),
  );
}
