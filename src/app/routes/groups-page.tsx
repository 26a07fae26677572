import { lazy, useCallback, useRef } from 'react';
import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { errorMessage } from '../api/error-message.js';
import { useAgents } from '../features/agents/api/agents.js';
import { useCanEdit } from '../features/auth/index.js';
import { BulkDock } from '../features/bulk/bulk-dock.js';
import { useGroupSelection } from '../features/bulk/use-group-selection.js';
import { useGroups } from '../data/get-groups.js';
import { EmptyGroupsList, GroupsPager } from '../features/groups/components/groups-list-states.js';
import { GroupsSearch } from '../features/groups/components/groups-search.js';
import { GroupsTable } from '../features/groups/components/groups-table.js';
import {
  GroupsHeader,
  GroupsViewSwitch,
  LoadAllGroups,
} from '../features/groups/components/groups-views.js';
import { useListUrlState } from '../features/groups/use-list-url-state.js';
import { rowNavigationClass, useRowNavigation } from '../features/shortcuts/use-row-navigation.js';
import { ErrorPanel } from '../ui/error-panel.js';

const AllAgentsPanel = lazy(() =>
  import('../features/agents/components/all-agents-panel.js').then((m) => ({
    default: m.AllAgentsPanel,
  })),
);

export function GroupsPage() {
  useDocumentTitle('Groups · Portal Groups Admin');
  const url = useListUrlState();
  const params = url.list;
  const canEdit = useCanEdit();
  const groups = useGroups(params);

  const update = url.setList;
  const search = useCallback((q: string) => update({ q, page: 1 }, true), [update]);

  const { view, setView } = url;
  const hasAgents = useAgents().length > 0;
  const selection = useGroupSelection();
  const tableArea = useRef<HTMLDivElement>(null);
  useRowNavigation(tableArea);

  const data = groups.data;
  const shownGroups = data?.groups;

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
        <LoadAllGroups onLoad={() => setView('all')} />
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
                    onToggle: selection.toggle,
                    onTogglePage: (checked) => selection.togglePage(shownGroups ?? [], checked),
                  }
                : undefined
            }
          />
        </Box>
        {canEdit && selection.touched && <BulkDock selection={selection} />}
        {data && <GroupsPager data={data} page={params.page} onPage={(page) => update({ page })} />}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <GroupsHeader view={view} onView={setView} hasAgents={hasAgents} canEdit={canEdit} />
      <GroupsViewSwitch
        view={view}
        panel={{
          state: url.wholeBook,
          onChange: url.setWholeBook,
          onClose: () => setView('pages'),
        }}
        AgentsPanel={hasAgents ? AllAgentsPanel : null}
      >
        <GroupsSearch value={params.q} onSearch={search} />
        {body}
      </GroupsViewSwitch>
    </Stack>
  );
}
