import '@mantine/core/styles/Code.css';
import { Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { RelativeTime } from '../../../ui/relative-time.js';
import { useSearchCount } from '../api/search-count.js';
import type { SavedSearch } from '../../../data/cart-shapes.js';
import { filterInWords } from '../filter-in-words.js';

function MatchCount({ ownerId, search }: { ownerId: string; search: SavedSearch }) {
  const count = useSearchCount(ownerId, search.Id);
  if (count.isError) {
    return (
      <Text fz="sm" c="dimmed">
        Matches: not available now
      </Text>
    );
  }
  if (count.data === undefined) {
    return (
      <Text fz="sm" c="dimmed">
        Counting matches…
      </Text>
    );
  }
  const n = count.data;
  return (
    <Text fz="sm" fw={600}>
      {n === 0
        ? 'Matches no listing now'
        : `Matches ${n.toLocaleString('en-US')} listing${n === 1 ? '' : 's'} now`}
    </Text>
  );
}

function SearchFilter({ filter }: { filter: string | null | undefined }) {
  const words = filterInWords(filter);
  if (words) return <Text fz="sm">{words}</Text>;
  return (
    <Text fz="sm">
      Filter: <Code style={{ overflowWrap: 'anywhere' }}>{filter}</Code>
    </Text>
  );
}

interface Props {
  ownerId: string;
  searches: SavedSearch[];
}

/** Each saved search: its name, its filter in plain words, what it matches now, its last change. */
export function SavedSearchList({ ownerId, searches }: Props) {
  if (searches.length === 0) return <Text fz="sm">No saved searches.</Text>;
  return (
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label="Saved searches"
    >
      {searches.map((search) => (
        <Paper component="li" key={search.Id} withBorder radius="md" p="sm">
          <Stack gap={4}>
            <Title order={4} fz="md">
              {search.Name}
            </Title>
            <SearchFilter filter={search.Filter} />
            <Group gap="md" justify="space-between" wrap="wrap">
              <MatchCount ownerId={ownerId} search={search} />
              <Text fz="xs" c="dimmed">
                Changed <RelativeTime value={search.ModificationTimestamp} never="never" />
              </Text>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
