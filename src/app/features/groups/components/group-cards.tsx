import { useId } from 'react';
import type { ReactNode } from 'react';
import { Group, Skeleton, Stack, Text } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { CardList, CardListItem, cardClasses as card } from '../../../ui/card-list.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import {
  isFavorite,
  lastSignIn,
  memberPreview,
  noSignInWords,
} from '../../../data/group-summary.js';
import { AgentBadge, FavoriteMark, GroupLink, RowCheckbox } from './groups-table-parts.js';
import type { AgentRows, ExtraColumn, RowLinks, RowSelection } from './groups-table-parts.js';

const SKELETON_CARDS = 5;

/** The groups table on a phone: one card per group, under the caption and the sort. */
export function GroupCards({
  groups,
  dataUpdatedAt,
  caption,
  sortButton,
  signInSort = null,
  selectAll,
  selection,
  agents,
  namesOnly = false,
  extra,
  links,
}: {
  groups: PortalGroup[] | undefined;
  dataUpdatedAt: number;
  caption: string;
  sortButton: ReactNode;
  /** The whole book's sort by sign-in, beside the owner's. */
  signInSort?: ReactNode;
  selectAll: ReactNode;
  selection?: RowSelection;
  agents?: AgentRows;
  namesOnly?: boolean;
  extra?: ExtraColumn[];
  links: RowLinks;
}) {
  const captionId = useId();
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text id={captionId} fw={600} fz="sm">
          {caption}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {sortButton}
          {signInSort}
        </Group>
      </Group>
      {selectAll}
      <CardList labelledBy={captionId} busy={groups === undefined}>
        {groups === undefined
          ? Array.from({ length: SKELETON_CARDS }, (_, row) => (
              <CardListItem key={row}>
                <Skeleton height={14} />
                <Skeleton height={14} width="60%" />
              </CardListItem>
            ))
          : groups.map((group) => (
              <CardListItem key={group.Id}>
                <div className={card.row}>
                  <RowCheckbox group={group} selection={selection} />
                  <div className={card.lines}>
                    <div className={card.head}>
                      <GroupLink
                        group={group}
                        dataUpdatedAt={dataUpdatedAt}
                        agents={agents}
                        links={links}
                      />
                      {isFavorite(group) && <FavoriteMark group={group} />}
                    </div>
                    <AgentBadge group={group} agents={agents} />
                    <p className={`${card.text} ${card.clamp2}`}>
                      {group.Users.length} {group.Users.length === 1 ? 'member' : 'members'}:{' '}
                      {memberPreview(group)}
                    </p>
                    {!namesOnly && (
                      <p className={card.small}>
                        {lastSignIn(group) ? (
                          <>
                            Last sign-in: <RelativeTime value={lastSignIn(group)} />
                          </>
                        ) : (
                          noSignInWords(group)
                        )}
                      </p>
                    )}
                    {extra?.map((column) => (
                      <div key={column.header} className={card.small}>
                        {column.header}: {column.cell(group)}
                      </div>
                    ))}
                  </div>
                </div>
              </CardListItem>
            ))}
      </CardList>
    </Stack>
  );
}
