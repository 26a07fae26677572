import { Anchor, Badge, Checkbox, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { prefetchGroupPage } from '../../../data/get-group.js';
import type { GroupListParams } from '../../../data/group-keys.js';
import { groupName, isFavorite } from '../../../data/group-summary.js';

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

/** The owner column's header: sorts the list by owner name, A to Z or Z to A. */
export function OwnerSortButton({
  sort,
  onSortChange,
}: {
  sort: GroupListParams['sort'];
  onSortChange: (sort: GroupListParams['sort']) => void;
}) {
  const descending = sort === '-Name';
  return (
    <UnstyledButton fw={700} fz="sm" onClick={() => onSortChange(descending ? 'Name' : '-Name')}>
      Owner <span aria-hidden="true">{descending ? '▼' : '▲'}</span>
      <VisuallyHidden>{descending ? ' (sort A to Z)' : ' (sort Z to A)'}</VisuallyHidden>
    </UnstyledButton>
  );
}

/** A group's name, linking to its page. */
export function GroupLink({
  group,
  dataUpdatedAt,
  agents,
}: {
  group: PortalGroup;
  dataUpdatedAt: number;
  agents?: AgentRows;
}) {
  const queryClient = useQueryClient();
  // The group page's way back returns to this list as it is now (search, page, sort, filters).
  const listSearch = useLocation().search;
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
  const seed = () => prefetchGroupPage(queryClient, group.Id, { group, updatedAt: dataUpdatedAt });
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
}

export function RowCheckbox({
  group,
  selection,
}: {
  group: PortalGroup;
  selection?: RowSelection;
}) {
  if (!selection) return null;
  return (
    <Checkbox
      aria-label={`Select ${groupName(group)}`}
      checked={selection.isSelected(group.Id)}
      onChange={(event) => selection.onToggle(group, event.currentTarget.checked)}
    />
  );
}

export function AgentBadge({ group, agents }: { group: PortalGroup; agents?: AgentRows }) {
  if (!agents) return null;
  return (
    <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
      {agents.nameOf(group)}
    </Badge>
  );
}

export function FavoriteMark({ group }: { group: PortalGroup }) {
  return isFavorite(group) ? (
    <Badge variant="light">Favorites</Badge>
  ) : (
    <Text span size="sm" c="dimmed">
      <span aria-hidden="true">–</span>
      <VisuallyHidden>Not in Favorites</VisuallyHidden>
    </Text>
  );
}
