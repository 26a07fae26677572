import { useId } from 'react';
import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { CardList, CardListItem, usePhone } from '../../../ui/card-list.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { prefetchGroupPage } from '../../../data/get-group.js';
import type { GroupListParams } from '../../../data/group-keys.js';
import { groupName, isFavorite, lastSignIn, memberPreview } from '../../../data/group-summary.js';

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
  const phone = usePhone();
  const captionId = useId();

  const selectAll = selection && (
    <Checkbox
      aria-label={phone ? undefined : 'Select all on this page'}
      label={phone ? 'Select all on this page' : undefined}
      checked={allSelected}
      indeterminate={pageSelected > 0 && !allSelected}
      disabled={!groups?.length}
      onChange={(event) => selection.onTogglePage(event.currentTarget.checked)}
    />
  );
  const sortButton = (
    <UnstyledButton fw={700} fz="sm" onClick={() => onSortChange(descending ? 'Name' : '-Name')}>
      Owner <span aria-hidden="true">{descending ? '▼' : '▲'}</span>
      <VisuallyHidden>{descending ? ' (sort A to Z)' : ' (sort Z to A)'}</VisuallyHidden>
    </UnstyledButton>
  );
  const link = (group: PortalGroup) => {
    if (agents) {
      // Another agent's group: its page opens under that agent, never seeded into the cache of
      // the account this tab works for.
      return (
        <Anchor
          href={agents.hrefOf(group)}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey) return;
            event.preventDefault();
            agents.open(group);
          }}
          style={{ overflowWrap: 'anywhere' }}
        >
          {groupName(group)}
        </Anchor>
      );
    }
    const seed = () =>
      prefetchGroupPage(queryClient, group.Id, { group, updatedAt: dataUpdatedAt });
    return (
      <Anchor
        component={Link}
        to={`/groups/${encodeURIComponent(group.Id)}`}
        state={{ listSearch } satisfies GroupLinkState}
        onMouseEnter={seed}
        onFocus={seed}
        style={{ overflowWrap: 'anywhere' }}
      >
        {groupName(group)}
      </Anchor>
    );
  };
  const rowCheckbox = (group: PortalGroup) =>
    selection && (
      <Checkbox
        aria-label={`Select ${groupName(group)}`}
        checked={selection.isSelected(group.Id)}
        onChange={(event) => selection.onToggle(group, event.currentTarget.checked)}
      />
    );
  const agentBadge = (group: PortalGroup) =>
    agents && (
      <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
        {agents.nameOf(group)}
      </Badge>
    );
  const favorite = (group: PortalGroup) =>
    isFavorite(group) ? (
      <Badge variant="light">Favorites</Badge>
    ) : (
      <Text span size="sm" c="dimmed">
        <span aria-hidden="true">–</span>
        <VisuallyHidden>Not in Favorites</VisuallyHidden>
      </Text>
    );

  if (phone) {
    return (
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text id={captionId} fw={600} fz="sm">
            {caption}
          </Text>
          {sortButton}
        </Group>
        {selectAll}
        <CardList labelledBy={captionId} busy={groups === undefined}>
          {groups === undefined
            ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                <CardListItem key={row}>
                  <Skeleton height={14} />
                  <Skeleton height={14} width="60%" />
                </CardListItem>
              ))
            : groups.map((group) => (
                <CardListItem key={group.Id}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    {rowCheckbox(group)}
                    <Stack gap={4} miw={0} style={{ flex: 1 }}>
                      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                        {link(group)}
                        {isFavorite(group) && favorite(group)}
                      </Group>
                      {agentBadge(group)}
                      <Text size="sm" lineClamp={2}>
                        {group.Users.length} {group.Users.length === 1 ? 'member' : 'members'}:{' '}
                        {memberPreview(group)}
                      </Text>
                      <Text size="xs">
                        Last sign-in: <RelativeTime value={lastSignIn(group)} />
                      </Text>
                    </Stack>
                  </Group>
                </CardListItem>
              ))}
        </CardList>
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={640} type="native" pos="relative">
      <Table striped highlightOnHover aria-busy={groups === undefined} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col" w={40}>
                {selectAll}
              </Table.Th>
            )}
            <Table.Th scope="col" aria-sort={descending ? 'descending' : 'ascending'}>
              {sortButton}
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
            : groups.map((group) => (
                <Table.Tr key={group.Id}>
                  {selection && <Table.Td>{rowCheckbox(group)}</Table.Td>}
                  <Table.Th scope="row" fw={400}>
                    {link(group)}
                  </Table.Th>
                  {agents && <Table.Td>{agentBadge(group)}</Table.Td>}
                  <Table.Td>{group.Users.length}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {memberPreview(group)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{favorite(group)}</Table.Td>
                  <Table.Td>
                    <RelativeTime value={lastSignIn(group)} />
                  </Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
