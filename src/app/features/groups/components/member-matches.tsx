import { Button, Group, Stack, Text } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import type { MemberSearch } from '../../../data/use-member-search.js';
import { GroupsTable } from './groups-table.js';
import type { RowSelection } from './groups-table.js';

/** Whether the circles found by a member's name are known and there are some. */
export const hasMemberMatches = (search: MemberSearch) =>
  search.state === 'ready' && search.matches.length > 0;

/**
 * Below the circles Flexmls finds by their owner's name: those the search finds by a member's
 * name, each saying why ("Beatriz Castillo is a member").
 */
export function MemberMatches({
  q,
  search,
  selection,
  onLoadAll,
}: {
  q: string;
  search: MemberSearch;
  /** Row boxes over the circles shown. */
  selection?: (shown: PortalGroup[]) => RowSelection;
  onLoadAll: () => void;
}) {
  if (search.state === 'idle') return null;
  if (search.state === 'loading')
    return (
      <Text size="sm" c="dimmed" role="status">
        Looking for circles with a member named “{q}”…
      </Text>
    );
  if (search.state === 'failed')
    return (
      <Text size="sm" role="status">
        Circles with a member named “{q}” could not be looked for; the list shows owners only.
      </Text>
    );
  if (search.state === 'needs-book')
    return (
      <Group gap="sm">
        <Text size="sm">
          Flexmls finds circles by their owner’s name only. To find the circles someone is a member
          of, load all {search.total.toLocaleString('en-US')} groups.
        </Text>
        <Button variant="default" size="xs" onClick={onLoadAll}>
          Load all groups
        </Button>
      </Group>
    );
  if (search.matches.length === 0) return null;
  const groups = search.matches.map((match) => match.group);
  const why = new Map(search.matches.map((match) => [match.group.Id, match.why]));
  return (
    <Stack gap="xs">
      <GroupsTable
        groups={groups}
        dataUpdatedAt={0}
        sort="Name"
        caption={`Circles with a member named “${q}”`}
        selection={selection?.(groups)}
        extra={[{ header: 'Why it matched', cell: (group) => why.get(group.Id) ?? '' }]}
      />
    </Stack>
  );
}
