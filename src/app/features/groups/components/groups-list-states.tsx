import { Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAccountPaths } from '../../../account/use-account.js';
import type { GroupsPage } from '../../../data/get-groups.js';
import { PageNav } from '../../../ui/page-nav.js';

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
  const paths = useAccountPaths();
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
  return (
    <Stack align="flex-start">
      <Text fw={600}>No groups yet</Text>
      {canEdit && (
        <Button component={Link} to={paths.newGroup()}>
          Create a group
        </Button>
      )}
    </Stack>
  );
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
