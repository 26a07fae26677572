import {
  Anchor,
  Badge,
  Checkbox,
  Skeleton,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { prefetchGroup } from '../api/get-group.js';
import type { GroupListParams } from '../api/group-keys.js';
import { groupName, isFavorite, lastSignIn, memberPreview } from '../group-summary.js';

interface GroupsTableProps {
  groups: PortalGroup[] | undefined;
  /** When the shown data was fetched: seeds a group's page so it opens at once. */
  dataUpdatedAt: number;
  sort: GroupListParams['sort'];
  onSortChange: (sort: GroupListParams['sort']) => void;
  caption: string;
  /** Row checkboxes for bulk actions (agents only). */
  selection?: RowSelection;
  /** Rows of several agents: an Agent column, and opening a group switches to its agent. */
  agents?: AgentRows;
}

export interface AgentRows {
  nameOf: (group: PortalGroup) => string;
  /** The group's own address (under its agent), for opening it in a new tab. */
  hrefOf: (group: PortalGroup) => string;
  open: (group: PortalGroup) => void;
}

export interface RowSelection {
  isSelected: (id: string) => boolean;
  onToggle: (group: PortalGroup, checked: boolean) => void;
  onTogglePage: (checked: boolean) => void;
}

/** What a link from the list tells the group page, so its way back keeps the list's state. */
export interface GroupLinkState {
  listSearch: string;
}

const SKELETON_ROWS = 5;
const COLUMNS = 5;

export function GroupsTable({
  groups,
  dataUpdatedAt,
  sort,
  onSortChange,
  caption,
  selection,
  agents,
}: GroupsTableProps) {
  const queryClient = useQueryClient();
  // The group page's way back returns to this list as it is now (search, page, sort, filters).
  const listSearch = useLocation().search;
  const descending = sort === '-Name';
  const columns = COLUMNS + (selection ? 1 : 0) + (agents ? 1 : 0);
  const pageSelected = groups?.filter((group) => selection?.isSelected(group.Id)).length ?? 0;
  const allSelected = groups !== undefined && groups.length > 0 && pageSelected === groups.length;
  return (
    <Table.ScrollContainer minWidth={640} type="native" pos="relative">
      <Table striped highlightOnHover aria-busy={groups === undefined} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label="Select all on this page"
                  checked={allSelected}
                  indeterminate={pageSelected > 0 && !allSelected}
                  disabled={!groups?.length}
                  onChange={(event) => selection.onTogglePage(event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th scope="col" aria-sort={descending ? 'descending' : 'ascending'}>
              <UnstyledButton
                fw={700}
                fz="sm"
                onClick={() => onSortChange(descending ? 'Name' : '-Name')}
              >
                Owner <span aria-hidden="true">{descending ? '▼' : '▲'}</span>
                <VisuallyHidden>{descending ? ' (sort A to Z)' : ' (sort Z to A)'}</VisuallyHidden>
              </UnstyledButton>
            </Table.Th>
            {agents && <Table.Th scope="col">Agent</Table.Th>}
            <Table.Th scope="col">Members</Table.Th>
            <Table.Th scope="col">Member names</Table.Th>
            <Table.Th scope="col">Favorites</Table.Th>
            <Table.Th scope="col">Last sign-in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups === undefined
            ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                <Table.Tr key={row}>
                  {Array.from({ length: columns }, (_, cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : groups.map((group) => {
                const seed = () => prefetchGroup(queryClient, group, dataUpdatedAt);
                return (
                  <Table.Tr key={group.Id}>
                    {selection && (
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select ${groupName(group)}`}
                          checked={selection.isSelected(group.Id)}
                          onChange={(event) =>
                            selection.onToggle(group, event.currentTarget.checked)
                          }
                        />
                      </Table.Td>
                    )}
                    <Table.Th scope="row" fw={400}>
                      {agents ? (
                        // Another agent's group: its page opens under that agent, never seeded
                        // into the cache of the account this tab works for.
                        <Anchor
                          href={agents.hrefOf(group)}
                          onClick={(event) => {
                            if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                            event.preventDefault();
                            agents.open(group);
                          }}
                        >
                          {groupName(group)}
                        </Anchor>
                      ) : (
                        <Anchor
                          component={Link}
                          to={`/groups/${encodeURIComponent(group.Id)}`}
                          state={{ listSearch } satisfies GroupLinkState}
                          onMouseEnter={seed}
                          onFocus={seed}
                        >
                          {groupName(group)}
                        </Anchor>
                      )}
                    </Table.Th>
                    {agents && (
                      <Table.Td>
                        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                          {agents.nameOf(group)}
                        </Badge>
                      </Table.Td>
                    )}
                    <Table.Td>{group.Users.length}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {memberPreview(group)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {isFavorite(group) ? (
                        <Badge variant="light">Favorites</Badge>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          <span aria-hidden="true">–</span>
                          <VisuallyHidden>Not in Favorites</VisuallyHidden>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={lastSignIn(group)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
