import '@mantine/core/styles/Breadcrumbs.css';
import { lazy, Suspense } from 'react';
import { Anchor, Box, Breadcrumbs, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useCanEdit } from '../features/auth/index.js';
import { isNotFound, useGroup } from '../data/get-group.js';
import { DeleteGroupButton } from '../features/groups/components/delete-group-button.js';
import { FavoritesToggle } from '../features/groups/components/favorites-toggle.js';
import type { GroupLinkState } from '../features/groups/components/groups-table.js';
import { groupName } from '../data/group-summary.js';
import { ExportCsvButton } from '../features/export/export-csv-button.js';
import { GroupMembers } from '../features/members/index.js';
import { ErrorPanel } from '../ui/error-panel.js';
import { NotFoundPanel } from '../ui/not-found-panel.js';

const SignInActivity = lazy(() =>
  import('../features/activity/sign-in-activity.js').then((m) => ({ default: m.SignInActivity })),
);

export function GroupPage() {
  const { groupId = '' } = useParams();
  const canEdit = useCanEdit();
  const group = useGroup(groupId);
  const name = group.data ? groupName(group.data) : undefined;
  useDocumentTitle(`${name ?? 'Group'} · Portal Groups Admin`);
  const linkState = useLocation().state as Partial<GroupLinkState> | null;
  const listSearch = typeof linkState?.listSearch === 'string' ? linkState.listSearch : '';

  if (group.isError && isNotFound(group.error)) {
    return (
      <NotFoundPanel
        title="Group not found"
        message="This group does not exist, was deleted, or is not one of yours."
      />
    );
  }
  if (group.isError && !group.data) {
    return (
      <ErrorPanel
        title="Could not load the group"
        error={group.error}
        onRetry={() => void group.refetch()}
      />
    );
  }
  if (!group.data) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading group">
        <Skeleton height={36} width="40%" />
        <Skeleton height={200} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Box component="nav" aria-label="Breadcrumb">
        <Breadcrumbs separatorMargin={6}>
          <Anchor component={Link} to={`/groups${listSearch}`} size="sm">
            Groups
          </Anchor>
          <Text size="sm" aria-current="page">
            {name}
          </Text>
        </Breadcrumbs>
      </Box>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{name}</Title>
        <Group gap="sm">
          <FavoritesToggle group={group.data} canEdit={canEdit} />
          {canEdit && <ExportCsvButton groups={[group.data]} />}
          {canEdit && (
            <DeleteGroupButton
              groupId={group.data.Id}
              name={name ?? ''}
              listPath={`/groups${listSearch}`}
            />
          )}
        </Group>
      </Group>
      <GroupMembers group={group.data} canEdit={canEdit} />
      <Suspense fallback={null}>
        <SignInActivity users={group.data.Users} />
      </Suspense>
    </Stack>
  );
}
