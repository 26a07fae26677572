import { Checkbox, Skeleton, Table, Text } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { usePhone } from '../../../ui/card-list.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import type { GroupListParams } from '../../../data/group-keys.js';
import { lastSignIn, memberPreview, noSignInWords } from '../../../data/group-summary.js';
import { GroupCards } from './group-cards.js';
import {
  AgentBadge,
  FavoriteMark,
  GroupLink,
  OwnerSortButton,
  RowCheckbox,
  SignInSortButton,
  signInAriaSort,
  useRowLinks,
} from './groups-table-parts.js';
import type { AgentRows, BookSort, ExtraColumn, RowSelection } from './groups-table-parts.js';

export type {
  AgentRows,
  BookBulk,
  BookSort,
  ExtraColumn,
  GroupLinkState,
  RowSelection,
} from './groups-table-parts.js';

interface GroupsTableProps {
  groups: PortalGroup[] | undefined;
  /** When the shown data was fetched: seeds a group's page so it opens at once. */
  dataUpdatedAt: number;
  /** The owner column's order; without `onSortChange` the table is in an order of its own. */
  sort: GroupListParams['sort'];
  onSortChange?: (sort: GroupListParams['sort']) => void;
  /** A whole book's order when it is not by owner name: the column it sorts says so. */
  bookSort?: BookSort;
  caption: string;
  /** Row checkboxes for bulk actions (agents only). */
  selection?: RowSelection;
  /** Rows of several agents: an Agent column, and opening a group switches to its agent. */
  agents?: AgentRows;
  /** A consumer's list: the circles and members' names, no other client's sign-in. */
  namesOnly?: boolean;
  /** More columns after the others. */
  extra?: ExtraColumn[];
}

const SKELETON_ROWS = 5;
const COLUMNS = 5;

export function GroupsTable({
  groups,
  dataUpdatedAt,
  sort,
  onSortChange,
  bookSort,
  caption,
  selection,
  agents,
  namesOnly = false,
  extra,
}: GroupsTableProps) {
  const descending = sort === '-Name';
  const by = bookSort?.by ?? 'owner';
  const columns =
    COLUMNS + (selection ? 1 : 0) + (agents ? 1 : 0) - (namesOnly ? 1 : 0) + (extra?.length ?? 0);
  const pageSelected = groups?.filter((group) => selection?.isSelected(group.Id)).length ?? 0;
  const allSelected = groups !== undefined && groups.length > 0 && pageSelected === groups.length;
  const phone = usePhone();
  const links = useRowLinks();

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
  const sortButton = onSortChange ? (
    <OwnerSortButton sort={sort} onSortChange={onSortChange} active={by === 'owner'} />
  ) : (
    'Owner'
  );
  const signInHeader = bookSort ? <SignInSortButton {...bookSort} /> : 'Last sign-in';

  if (phone) {
    return (
      <GroupCards
        groups={groups}
        dataUpdatedAt={dataUpdatedAt}
        caption={caption}
        sortButton={onSortChange ? sortButton : null}
        signInSort={bookSort && !namesOnly ? signInHeader : null}
        selectAll={selectAll}
        selection={selection}
        agents={agents}
        namesOnly={namesOnly}
        extra={extra}
        links={links}
      />
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
            <Table.Th
              scope="col"
              aria-sort={
                onSortChange && by === 'owner'
                  ? descending
                    ? 'descending'
                    : 'ascending'
                  : undefined
              }
            >
              {sortButton}
            </Table.Th>
            {agents && <Table.Th scope="col">Agent</Table.Th>}
            <Table.Th scope="col" aria-sort={by === 'members' ? 'descending' : undefined}>
              Members
            </Table.Th>
            <Table.Th scope="col">Member names</Table.Th>
            <Table.Th scope="col">Favorites</Table.Th>
            {!namesOnly && (
              <Table.Th scope="col" aria-sort={signInAriaSort(by)}>
                {signInHeader}
              </Table.Th>
            )}
            {extra?.map((column) => (
              <Table.Th key={column.header} scope="col">
                {column.header}
              </Table.Th>
            ))}
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
                  {selection && (
                    <Table.Td>
                      <RowCheckbox group={group} selection={selection} />
                    </Table.Td>
                  )}
                  <Table.Th scope="row" fw={400}>
                    <GroupLink
                      group={group}
                      dataUpdatedAt={dataUpdatedAt}
                      agents={agents}
                      links={links}
                    />
                  </Table.Th>
                  {agents && (
                    <Table.Td>
                      <AgentBadge group={group} agents={agents} />
                    </Table.Td>
                  )}
                  <Table.Td>{group.Users.length}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {memberPreview(group)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <FavoriteMark group={group} />
                  </Table.Td>
                  {!namesOnly && (
                    <Table.Td>
                      <RelativeTime value={lastSignIn(group)} never={noSignInWords(group)} />
                    </Table.Td>
                  )}
                  {extra?.map((column) => (
                    <Table.Td key={column.header}>{column.cell(group)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
