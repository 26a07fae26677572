import '@mantine/core/styles/Breadcrumbs.css';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Anchor, Box, Breadcrumbs, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { QueryClient } from '@tanstack/react-query';
import { Link, useLoaderData, useLocation } from 'react-router-dom';
import type { LoaderFunctionArgs } from 'react-router-dom';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { useAccountPaths } from '../account/use-account.js';
import { isNotFound, prefetchGroupPage, useGroup } from '../data/get-group.js';
import { groupName } from '../data/group-summary.js';
import { useCanEdit } from '../data/session.js';
import { ExportCsvButton } from '../features/export/components/export-csv-button.js';
import { DeleteGroupButton } from '../features/groups/components/delete-group-button.js';
import { FavoritesToggle } from '../features/groups/components/favorites-toggle.js';
import type { GroupLinkState } from '../features/groups/components/groups-table.js';
import { GroupMembers } from '../features/members/components/group-members.js';
import { NotFoundPanel } from '../ui/not-found-panel.js';
import { PageStates } from '../ui/page-states.js';
import { SectionBoundary } from '../ui/section-boundary.js';
import { preloadPageCode } from '../ui/page-code.js';
import { useIntent } from '../ui/use-intent.js';
import { PageError } from './route-error.js';
import { requiredParam, loaderAccount } from './route-inputs.js';

const SharedInThisCircle = lazy(() =>
  import('../features/shares/components/shared-in-this-circle.js').then((m) => ({
    default: m.SharedInThisCircle,
  })),
);

const SignInActivity = lazy(() =>
  import('../features/activity/components/sign-in-activity.js').then((m) => ({
    default: m.SignInActivity,
  })),
);

/** The group's Id from the address; its read starts here, seeded from a list page that shows it. */
export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const groupId = requiredParam(params, 'groupId');
    const account = loaderAccount(queryClient, params);
    if (account) prefetchGroupPage(queryClient, account, groupId);
    return { groupId };
  };

type Inputs = ReturnType<ReturnType<typeof loader>>;

/** A path inside this app (history state can hold anything; never another origin's address). */
function isAppPath(value: unknown): value is string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value);
}

function GroupView({
  group,
  listPath,
  fromList,
}: {
  group: PortalGroup;
  listPath: string;
  /** Opened from a list (a click, or `j`/`k` and Enter): focus starts at the heading. */
  fromList: boolean;
}) {
  const canEdit = useCanEdit();
  const name = groupName(group);
  const backIntent = useIntent(() => preloadPageCode('groups'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (fromList) heading.current?.focus();
  }, [fromList]);
  return (
    <Stack gap="lg">
      <Box component="nav" aria-label="Breadcrumb">
        <Breadcrumbs separatorMargin={6}>
          <Anchor component={Link} to={listPath} size="sm" {...backIntent}>
            Groups
          </Anchor>
          <Text size="sm" aria-current="page">
            {name}
          </Text>
        </Breadcrumbs>
      </Box>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} ref={heading} tabIndex={-1} style={{ outlineOffset: 4 }}>
          {name}
        </Title>
        <Group gap="sm">
          <FavoritesToggle group={group} canEdit={canEdit} />
          {canEdit && <ExportCsvButton groups={[group]} />}
          {canEdit && <DeleteGroupButton groupId={group.Id} name={name} listPath={listPath} />}
        </Group>
      </Group>
      <GroupMembers group={group} canEdit={canEdit} />
      <SectionBoundary what="What this circle shares">
        <Suspense fallback={<Skeleton height={160} aria-hidden="true" />}>
          <SharedInThisCircle group={group} />
        </Suspense>
      </SectionBoundary>
      {canEdit && (
        <SectionBoundary what="Sign-in activity">
          <Suspense fallback={null}>
            <SignInActivity users={group.Users} />
          </Suspense>
        </SectionBoundary>
      )}
    </Stack>
  );
}

export function Component() {
  const { groupId } = useLoaderData<Inputs>();
  const group = useGroup(groupId);
  const paths = useAccountPaths();
  useDocumentTitle(`${group.data ? groupName(group.data) : 'Group'} · Portal Groups Admin`);
  // The way back returns to the list as it was when the group was opened.
  const linkState = useLocation().state as Partial<GroupLinkState> | null;
  const listPath = isAppPath(linkState?.listPath) ? linkState.listPath : paths.groups();

  return (
    <PageStates
      offlineName="This group"
      query={group}
      what="the group"
      loading={
        <Stack gap="md" aria-busy="true" aria-label="Loading group">
          <Skeleton height={36} width="40%" />
          <Skeleton height={200} />
        </Stack>
      }
      failed={(error) =>
        isNotFound(error) ? (
          <NotFoundPanel
            title="Group not found"
            message="This group does not exist, was deleted, or is not one of yours."
            backTo={paths.groups()}
          />
        ) : null
      }
    >
      {(data) => (
        <GroupView group={data} listPath={listPath} fromList={isAppPath(linkState?.listPath)} />
      )}
    </PageStates>
  );
}

export const ErrorBoundary = PageError;
