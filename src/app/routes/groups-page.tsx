import { lazy, Suspense, useCallback, useRef } from 'react';
import { Box, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useGroups } from '../data/get-groups.js';
import type { GroupsPage } from '../data/get-groups.js';
import { useCanEdit, useIsConsumer } from '../data/session.js';
import { useAgents } from '../features/agents/api/agents.js';
import { BulkDock } from '../features/bulk/components/bulk-dock.js';
import { ExportCsvButton } from '../features/export/components/export-csv-button.js';
import { useGroupSelection } from '../features/bulk/use-group-selection.js';
import {
  AddAgentsFirst,
  EmptyGroupsList,
  GroupsPager,
  useAddAgentsFirst,
} from '../features/groups/components/groups-list-states.js';
import { GroupsSearch } from '../features/groups/components/groups-search.js';
import { hasMemberMatches, MemberMatches } from '../features/groups/components/member-matches.js';
import { useMemberSearch } from '../data/use-member-search.js';
import { GroupsTable } from '../features/groups/components/groups-table.js';
import type { RowSelection } from '../features/groups/components/groups-table.js';
import type { PortalGroup } from '../../shared/portal-groups.js';
import {
  GroupsHeader,
  GroupsViewSwitch,
  LoadAllGroups,
} from '../features/groups/components/groups-views.js';
import { rowNavigationClass, useRowNavigation } from '../features/shortcuts/use-row-navigation.js';
import { usePageCodeWhenIdle } from '../ui/page-code.js';
import { PageStates } from '../ui/page-states.js';
import { useGroupsSearch } from './groups-search.js';
import { PageError } from './route-error.js';

const CurrentCircleNote = lazy(() =>
  import('../features/shares/components/current-circle-note.js').then((m) => ({
    default: m.CurrentCircleNote,
  })),
);

const AllAgentsPanel = lazy(() =>
  import('./all-agents-view.js').then((m) => ({ default: m.AllAgentsView })),
);

// Part of the entry (app-routes.tsx): the page's first read starts before its code has loaded.
export { loader } from './groups-loader.js';

export function Component() {
  useDocumentTitle('Groups · Portal Groups Admin');
  const url = useGroupsSearch();
  const params = url.list;
  const canEdit = useCanEdit();
  const consumer = useIsConsumer();
  const groups = useGroups(params);
  usePageCodeWhenIdle('group', (groups.data?.groups.length ?? 0) > 0);

  const update = url.setList;
  const search = useCallback((q: string) => update({ q, page: 1 }, true), [update]);

  // A consumer sees the circles and names only: no whole book (its filters are about sign-ins).
  const view = canEdit ? url.view : 'pages';
  const { setView } = url;
  const hasAgents = useAgents().length > 0;
  const selection = useGroupSelection();
  const tableArea = useRef<HTMLDivElement>(null);
  useRowNavigation(tableArea);
  const addAgentsFirst = useAddAgentsFirst({ canEdit, hasAgents }, groups.data, params.q);
  // Flexmls finds circles by their owner's name; those with a member of that name come from the
  // whole book (docs/spark-api.md, "Finding a client's circles").
  const members = useMemberSearch(params.q, canEdit && view === 'pages');
  // One selection for the pages, the circles found by a member and the whole book.
  const rowSelection = (shown: PortalGroup[]): RowSelection => ({
    isSelected: selection.isSelected,
    onToggle: selection.toggle,
    onTogglePage: (checked) => selection.togglePage(shown, checked),
  });
  const dock =
    canEdit && selection.touched ? (
      <BulkDock
        selection={selection}
        moreActions={(selected) => <ExportCsvButton size="xs" groups={selected} />}
      />
    ) : null;
  const { setWholeBook } = url;
  // The whole book opens with the search of the pages.
  const loadAll = () => {
    setView('all');
    if (params.q) setWholeBook({ q: params.q });
  };
  const memberMatches = (
    <MemberMatches
      q={params.q}
      search={members}
      selection={canEdit ? rowSelection : undefined}
      onLoadAll={loadAll}
    />
  );

  const list = (data: GroupsPage | undefined) => (
    <Stack gap="sm">
      {canEdit && <LoadAllGroups onLoad={loadAll} />}
      <Box ref={tableArea} className={rowNavigationClass}>
        <GroupsTable
          groups={data?.groups}
          dataUpdatedAt={groups.dataUpdatedAt}
          namesOnly={!canEdit}
          sort={params.sort}
          onSortChange={(sort) => update({ sort, page: 1 })}
          caption={params.q ? `Portal groups matching “${params.q}”` : 'Portal groups'}
          selection={canEdit ? rowSelection(data?.groups ?? []) : undefined}
        />
      </Box>
      {params.q && data && data.groups.length > 0 && memberMatches}
      {dock}
      {data && <GroupsPager data={data} page={params.page} onPage={(page) => update({ page })} />}
    </Stack>
  );

  if (addAgentsFirst === 'yes') {
    return (
      <Stack gap="md">
        <GroupsHeader view={view} onView={setView} hasAgents={false} canEdit={false} />
        <AddAgentsFirst />
      </Stack>
    );
  }

  const emptyList = (data: GroupsPage) => (
    <EmptyGroupsList
      data={data}
      page={params.page}
      q={params.q}
      canEdit={canEdit}
      onFirstPage={() => update({ page: 1 })}
      onClearSearch={() => search('')}
    />
  );

  return (
    <Stack gap="md">
      <GroupsHeader view={view} onView={setView} hasAgents={hasAgents} canEdit={canEdit} />
      {consumer && (
        <Suspense fallback={null}>
          <CurrentCircleNote />
        </Suspense>
      )}
      <GroupsViewSwitch
        view={view}
        panel={{
          state: url.wholeBook,
          onChange: url.setWholeBook,
          onClose: () => setView('pages'),
          bulk: canEdit
            ? {
                rows: rowSelection,
                selectAll: (all) => selection.togglePage(all, true),
                dock,
              }
            : undefined,
        }}
        AgentsPanel={hasAgents ? AllAgentsPanel : null}
      >
        <GroupsSearch value={params.q} onSearch={search} />
        <PageStates
          offlineName="This list"
          query={groups}
          what="the groups"
          loading={list(undefined)}
          empty={(data) =>
            addAgentsFirst === 'pending' ? (
              list(undefined)
            ) : data.groups.length === 0 &&
              params.q &&
              params.page === 1 &&
              members.state !== 'idle' ? (
              <Stack gap="sm">
                {canEdit && <LoadAllGroups onLoad={loadAll} />}
                {hasMemberMatches(members) ? (
                  <Text size="sm">No circle’s owner is named “{params.q}”.</Text>
                ) : members.state === 'loading' ? null : (
                  emptyList(data)
                )}
                {memberMatches}
                {dock}
              </Stack>
            ) : data.groups.length === 0 ? (
              emptyList(data)
            ) : null
          }
        >
          {list}
        </PageStates>
      </GroupsViewSwitch>
    </Stack>
  );
}

export const ErrorBoundary = PageError;
