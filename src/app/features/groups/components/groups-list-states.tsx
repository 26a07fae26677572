import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import type { Account } from '../../../account/account.js';
import { serverPaths } from '../../../account/paths.js';
import { useAccount, useAccountPaths } from '../../../account/use-account.js';
import { contactKeys } from '../../../data/contact-keys.js';
import type { GroupsPage } from '../../../data/get-groups.js';
import { listContacts } from '../../../data/search-contacts.js';
import { preloadPageCode } from '../../../ui/page-code.js';
import { PageNav } from '../../../ui/page-nav.js';
import { useIntent } from '../../../ui/use-intent.js';

/** Whether an account has any contact at all: without one it can own no group. */
const hasContactsQueryOptions = (account: Account) =>
  queryOptions({
    queryKey: [...contactKeys.all(account), 'any'] as const,
    queryFn: async ({ signal }) =>
      (await listContacts(account, { filter: undefined, limit: 1 }, signal)).length > 0,
    staleTime: 5 * 60_000,
  });

/**
 * An office assistant's first screen: her own account has no contacts (so no circles), and no
 * agent is added yet. What to do first is to add the agents she works for.
 */
export function AddAgentsFirst() {
  const { pathname, search } = useLocation();
  return (
    <Stack align="flex-start" gap="sm" maw={560}>
      <Title order={2} size="h3">
        Add the agents you work for
      </Title>
      <Text>
        Your own Flexmls account has no contacts, so it has no circles. If you work for agents, add
        each one: you sign in to Flexmls as that agent once, and their circles appear here.
      </Text>
      <Button component="a" href={serverPaths.addAgent(`${pathname}${search}`)}>
        Add an agent
      </Button>
    </Stack>
  );
}

function NoGroupsYet({ canEdit }: { canEdit: boolean }) {
  const paths = useAccountPaths();
  const newGroupIntent = useIntent(() => preloadPageCode('newGroup'));
  return (
    <Stack align="flex-start">
      <Text fw={600}>No groups yet</Text>
      {canEdit && (
        <Button component={Link} to={paths.newGroup()} {...newGroupIntent}>
          Create a group
        </Button>
      )}
    </Stack>
  );
}

/**
 * Whether the list should say "Add the agents you work for" instead of "No groups yet": the own
 * account of someone who can edit, with no agent added, no groups and no contacts (an office
 * assistant's; an agent without contacts can create no group either). `pending` until known;
 * the contacts check runs beside the list's read.
 */
export function useAddAgentsFirst(
  { canEdit, hasAgents }: { canEdit: boolean; hasAgents: boolean },
  data: GroupsPage | undefined,
  q: string,
) {
  const account = useAccount();
  const applies = canEdit && account.agentId === null && !hasAgents;
  const listEmpty = !q && data?.pagination.TotalRows === 0;
  // Asked only once the list is known to be empty: an account with groups (nearly every visit)
  // does not spend a request on it while its first rows load.
  const hasContacts = useQuery({
    ...hasContactsQueryOptions(account),
    enabled: applies && listEmpty,
  });
  if (!applies || q || (data && data.pagination.TotalRows > 0)) return 'no';
  if (!data || hasContacts.isPending) return 'pending';
  return hasContacts.data === false ? 'yes' : 'no';
}

/** What the list says when a page has no groups. */
export function EmptyGroupsList({
  data,
  page,
  q,
  canEdit,
  onFirstPage,
  onClearSearch,
}: {
  data: GroupsPage;
  page: number;
  q: string;
  canEdit: boolean;
  onFirstPage: () => void;
  onClearSearch: () => void;
}) {
  if (page > 1 && data.pagination.TotalRows > 0) {
    return (
      <Stack align="flex-start">
        <Text>This page is empty.</Text>
        <Button variant="default" onClick={onFirstPage}>
          Go to the first page
        </Button>
      </Stack>
    );
  }
  if (q) {
    return (
      <Stack align="flex-start">
        <Text fw={600}>No groups match “{q}”</Text>
        <Button variant="default" onClick={onClearSearch}>
          Clear search
        </Button>
      </Stack>
    );
  }
  return <NoGroupsYet canEdit={canEdit} />;
}

/** "1–25 of 36" */
function rangeText(page: number, pageSize: number, shown: number, total: number) {
  if (shown === 0) return `0 of ${total}`;
  const first = (page - 1) * pageSize + 1;
  return `${first}–${first + shown - 1} of ${total}`;
}

/** Below the list: which groups of how many are shown, and the page buttons. */
export function GroupsPager({
  data,
  page,
  onPage,
}: {
  data: GroupsPage;
  page: number;
  onPage: (page: number) => void;
}) {
  const { pagination } = data;
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" aria-live="polite">
        {rangeText(
          pagination.CurrentPage,
          pagination.PageSize,
          data.groups.length,
          pagination.TotalRows,
        )}
      </Text>
      <PageNav total={pagination.TotalPages} value={page} onChange={onPage} />
    </Group>
  );
}
