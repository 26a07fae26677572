import type { QueryClient } from '@tanstack/react-query';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { groupKeys } from './group-keys.js';
import type { GroupsPage } from './get-groups.js';

/** Applies a change to a group wherever it is cached (its page and every list page showing it). */
export function updateCachedGroup(
  queryClient: QueryClient,
  id: string,
  update: (group: PortalGroup) => PortalGroup,
) {
  queryClient.setQueryData<PortalGroup>(groupKeys.detail(id), (group) => group && update(group));
  queryClient.setQueriesData<GroupsPage>({ queryKey: groupKeys.lists() }, (page) =>
    page && page.groups.some((group) => group.Id === id)
      ? { ...page, groups: page.groups.map((group) => (group.Id === id ? update(group) : group)) }
      : page,
  );
}
