import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/error-message.js';
import { useAgents } from '../features/agents/api/agents.js';
import { useCanEdit } from '../features/auth/index.js';
import { useGroupSelection } from '../features/bulk/use-group-selection.js';
import { useGroups } from '../data/get-groups.js';
import { EmptyGroupsList, GroupsPager } from '../features/groups/components/groups-list-states.js';
import { GroupsSearch } from '../features/groups/components/groups-search.js';
import { GroupsTable } from '../features/groups/components/groups-table.js';
import { useListUrlState } from '../features/groups/use-list-url-state.js';
import { rowNavigationClass, useRowNavigation } from '../features/shortcuts/use-row-navigation.js';
import { ErrorPanel } from '../ui/error-panel.js';
import { useReserveBottom } from '../ui/reserve-bottom.js';

const WholeBookPanel = lazy(() =>
  import('../features/groups/whole-book/whole-book-panel.js').then((m) => ({
    default: m.WholeBookPanel,
  })),
);
const AllAgentsPanel = lazy(() =>
  import('../features/agents/components/all-agents-panel.js').then((m) => ({
    default: m.AllAgentsPanel,
  })),
);

const BulkBar = lazy(() =>
  import('../features/bulk/bulk-bar.js').then((m) => ({ default: m.BulkBar })),
);

export function GroupsPage() {
  useDocumentTitle('Groups · Portal Groups Admin');
  const url = useListUrlState();
  // The address this page last rendered at; it differs while the router moves to another page.
  const shownPath = useRef(window.location.pathname);
  useEffect(() => {
    shownPath.current = window.location.pathname;
  });
  const params = url.list;
  const canEdit = useCanEdit();
  const groups = useGroups(params);

  const update = url.setList;
  const search = useCallback(
    (q: string) => {
      // A search still pending when a group is opened must not navigate back to the list.
      if (window.location.pathname !== shownPath.current) return;
      update({ q, page: 1 }, true);
    },
    [update],
  );

  const { view, setView } = url;
  const allAgents = view === 'agents';
  const hasAgents = useAgents().length > 0;
  const selection = useGroupSelection();
  const [bulkUsed, setBulkUsed] = useState(false);
  const tableArea = useRef<HTMLDivElement>(null);
  const bulkBarRef = useReserveBottom();
  useRowNavigation(tableArea);

  const data = groups.data;
  const shownGroups = data?.groups;
  const newGroupButton = canEdit ? (
    <Button component={Link} to="/groups/new">
      New group
    </Button>
  ) : null;

  let body: React.ReactNode;
  if (groups.isError && !data) {
    body = (
      <ErrorPanel
        title="Could not load groups"
        error={groups.error}
        onRetry={() => void groups.refetch()}
      />
    );
  } else if (data && data.groups.length === 0) {
    body = (
      <EmptyGroupsList
        data={data}
        page={params.page}
        q={params.q}
        canEdit={canEdit}
        onFirstPage={() => update({ page: 1 })}
        onClearSearch={() => search('')}
      />
    );
  } else {
    body = (
      <Stack gap="sm">
        {groups.isRefetchError && (
          <Alert color="yellow" variant="light" title="Could not refresh the groups">
            <Group justify="space-between" gap="sm">
              <Text size="sm">Showing the groups as last loaded. {errorMessage(groups.error)}</Text>
              <Button size="xs" variant="default" onClick={() => void groups.refetch()}>
                Retry
              </Button>
            </Group>
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" size="xs" onClick={() => setView('all')}>
            Load all groups
          </Button>
          <Text size="sm" c="dimmed">
            For Favorites only, inactive members, member count and latest sign-in across every group
          </Text>
        </Group>
        <Box ref={tableArea} className={rowNavigationClass}>
          <GroupsTable
            groups={shownGroups}
            dataUpdatedAt={groups.dataUpdatedAt}
            sort={params.sort}
            onSortChange={(sort) => update({ sort, page: 1 })}
            caption={params.q ? `Portal groups matching “${params.q}”` : 'Portal groups'}
            selection={
              canEdit
                ? {
                    isSelected: selection.isSelected,
                    onToggle: (group, checked) => {
                      setBulkUsed(true);
                      selection.toggle(group, checked);
                    },
                    onTogglePage: (checked) => {
                      setBulkUsed(true);
                      selection.togglePage(shownGroups ?? [], checked);
                    },
                  }
                : undefined
            }
          />
        </Box>
        {/* Below the table and stuck to the bottom of the screen: ticking a row never moves the table. */}
        {canEdit && bulkUsed && (
          <Box
            ref={bulkBarRef}
            pos="sticky"
            bottom={0}
            py="xs"
            bg="var(--mantine-color-body)"
            style={{ zIndex: 2 }}
          >
            <Suspense fallback={null}>
              <BulkBar selected={selection.selected} onClear={selection.clear} />
            </Suspense>
          </Box>
        )}
        {data && <GroupsPager data={data} page={params.page} onPage={(page) => update({ page })} />}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Groups</Title>
        <Group gap="xs">
          {hasAgents && (
            <Button
              variant={allAgents ? 'filled' : 'default'}
              aria-pressed={allAgents}
              onClick={() => setView(allAgents ? 'pages' : 'agents')}
            >
              All my agents
            </Button>
          )}
          {!allAgents && newGroupButton}
        </Group>
      </Group>
      {allAgents && hasAgents ? (
        <Suspense fallback={<Text size="sm">Loading…</Text>}>
          <AllAgentsPanel
            state={url.wholeBook}
            onChange={url.setWholeBook}
            onClose={() => setView('pages')}
          />
        </Suspense>
      ) : view === 'all' ? (
        <Suspense fallback={<Text size="sm">Loading…</Text>}>
          <WholeBookPanel
            state={url.wholeBook}
            onChange={url.setWholeBook}
            onClose={() => setView('pages')}
          />
        </Suspense>
      ) : (
        <>
          <GroupsSearch value={params.q} onSearch={search} />
          {body}
        </>
      )}
    </Stack>
  );
}
