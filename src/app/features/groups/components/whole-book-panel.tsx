import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../account/use-account.js';
import { errorMessage } from '../../../api/error-message.js';
import {
  WHOLE_BOOK_LIMIT,
  wholeBookQueryOptions,
  WholeBookTooLarge,
} from '../../../data/whole-book.js';
import { useBookView } from '../use-book-view.js';
import type { WholeBookUrlState } from '../use-book-view.js';
import { GroupsTable } from './groups-table.js';
import type { BookBulk } from './groups-table.js';
import { useSharesTriage } from './shares-triage.js';

interface Props {
  /** Selection and bulk actions (none: the rows have no boxes). */
  bulk?: BookBulk;
  state: WholeBookUrlState;
  onChange: (change: Partial<WholeBookUrlState>) => void;
  onClose: () => void;
}

/** Every group at once, for filters and sorts Flexmls does not offer. State lives in the URL. */
export function WholeBookPanel({ state, onChange, onClose, bulk }: Props) {
  const queryClient = useQueryClient();
  const options = wholeBookQueryOptions(useAccount());
  const book = useQuery(options);
  const complete = book.data?.complete ? book.data : undefined;
  const shares = useSharesTriage(
    state.shares,
    (value) => onChange({ shares: value }),
    complete?.groups,
  );
  const view = useBookView(state, onChange, complete?.groups, {
    keep: shares.keep,
    filters: shares.control,
  });

  if (book.isError) {
    const { error } = book;
    return (
      <Alert color="yellow" variant="light" title="Could not load all groups">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {error instanceof WholeBookTooLarge ? error.message : errorMessage(error)}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => void book.refetch()}>
              Try again
            </Button>
            <Button size="xs" variant="default" onClick={onClose}>
              Back to pages
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (!complete) {
    const { loaded = 0, total = 0 } = book.data ?? {};
    return (
      <Stack gap="xs" aria-live="polite">
        <Text size="sm">
          {total ? `Loaded ${loaded} of ${total} groups` : 'Loading all groups…'}
        </Text>
        <Progress value={total ? (loaded / total) * 100 : 0} aria-label="Loading all groups" />
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              void queryClient.cancelQueries({ queryKey: options.queryKey });
              onClose();
            }}
          >
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        {view.filters}
        <Button variant="default" size="xs" onClick={() => void book.refetch()}>
          Reload
        </Button>
        <Button variant="subtle" size="xs" onClick={onClose}>
          Back to pages
        </Button>
      </Group>
      {shares.status}
      <Group gap="sm">
        <Text size="sm" aria-live="polite">
          {view.shown} of {complete.groups.length} groups (all loaded, up to{' '}
          {WHOLE_BOOK_LIMIT.toLocaleString('en-US')})
        </Text>
        {bulk && view.shown > view.slice.length && (
          <Button variant="subtle" size="compact-sm" onClick={() => bulk.selectAll(view.sorted)}>
            Select all {view.shown} shown
          </Button>
        )}
      </Group>
      <GroupsTable
        groups={view.slice}
        dataUpdatedAt={book.dataUpdatedAt}
        sort="Name"
        onSortChange={view.sortByOwner}
        bookSort={view.bookSort}
        caption={state.q ? `All portal groups matching “${state.q}”` : 'All portal groups'}
        extra={[view.why, shares.column].filter((column) => column != null)}
        selection={bulk?.rows(view.slice)}
      />
      {bulk?.dock}
      {view.pagination}
    </Stack>
  );
}
