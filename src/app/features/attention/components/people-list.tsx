import type { ReactNode } from 'react';
import { Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type {
  AttentionSort,
  PersonNeedingAttention,
} from '../../../data/people-needing-attention.js';
import { CardList, CardListItem, usePhone } from '../../../ui/card-list.js';
import { DotBadge } from '../../../ui/dot-badge.js';
import type { DotTone } from '../../../ui/theme.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { SortableTh } from '../../../ui/sortable-th.js';

/** The badges' dots, as on the group page (measured contrast in both schemes). */
const REASON_TONES: Record<PersonNeedingAttention['reason'], DotTone> = {
  quiet: 'caution',
  never: 'info',
  off: 'negative',
};

/** Why, in the words of the member state: "Quiet for 4 months", "Portal off". */
export function ReasonBadge({ person }: { person: PersonNeedingAttention }) {
  return (
    <DotBadge tone={REASON_TONES[person.reason]} style={{ textTransform: 'none', flexShrink: 0 }}>
      {person.state.status}
    </DotBadge>
  );
}

interface Props {
  /** undefined while loading. */
  people: PersonNeedingAttention[] | undefined;
  sort: AttentionSort;
  onSort: (sort: AttentionSort) => void;
  caption: string;
  /** An Agent column, when several agents' books are shown. */
  withAgent: boolean;
  /** The person's circles, each a link (and a way to remove them from it). */
  circles: (person: PersonNeedingAttention) => ReactNode;
  /** The row's other action (turn portal on). */
  actions: (person: PersonNeedingAttention) => ReactNode;
}

const SKELETON_ROWS = 5;

/** The people who need attention: a table on a desk, stacked cards on a phone. */
export function PeopleList({ people, sort, onSort, caption, withAgent, circles, actions }: Props) {
  const phone = usePhone();
  if (phone) {
    return (
      <CardList label={caption} busy={people === undefined}>
        {people === undefined
          ? Array.from({ length: 3 }, (_, index) => (
              <CardListItem key={index}>
                <Skeleton height={14} width="60%" />
                <Skeleton height={12} width="40%" />
              </CardListItem>
            ))
          : people.map((person) => (
              <CardListItem key={person.key}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {person.user.Name}
                  </Text>
                  <ReasonBadge person={person} />
                </Group>
                <Text size="xs" c="dimmed">
                  Last sign-in: <RelativeTime value={person.user.LastLogin} />
                  {withAgent && person.agentName ? ` · for ${person.agentName}` : ''}
                </Text>
                {circles(person)}
                {actions(person)}
              </CardListItem>
            ))}
      </CardList>
    );
  }
  const signInDirection =
    sort === 'signin' ? 'ascending' : sort === '-signin' ? 'descending' : undefined;
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table striped captionSide="top" aria-busy={people === undefined} verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableTh
              label="Name"
              direction={sort === 'name' ? 'ascending' : undefined}
              onSort={() => onSort('name')}
            />
            <Table.Th scope="col">Why</Table.Th>
            <SortableTh
              label={
                sort === '-signin'
                  ? 'Last sign-in (most recent first)'
                  : 'Last sign-in (oldest first)'
              }
              direction={signInDirection}
              onSort={() => onSort(sort === 'signin' ? '-signin' : 'signin')}
            />
            <Table.Th scope="col">Circles</Table.Th>
            {withAgent && <Table.Th scope="col">Agent</Table.Th>}
            <Table.Th scope="col">
              <Text span fw={700} fz="sm">
                Action
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people === undefined
            ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
                <Table.Tr key={row}>
                  {Array.from({ length: withAgent ? 6 : 5 }, (_, cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : people.map((person) => (
                <Table.Tr key={person.key}>
                  <Table.Th scope="row" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {person.user.Name}
                  </Table.Th>
                  <Table.Td>
                    <ReasonBadge person={person} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <RelativeTime value={person.user.LastLogin} />
                  </Table.Td>
                  <Table.Td>{circles(person)}</Table.Td>
                  {withAgent && <Table.Td>{person.agentName}</Table.Td>}
                  <Table.Td>{actions(person)}</Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The list of a person's circles, one line each. */
export function CircleLines({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}
