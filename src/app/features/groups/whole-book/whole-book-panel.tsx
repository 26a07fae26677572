import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAccount } from '../../../account/use-account.js';
import { errorMessage } from '../../../api/error-message.js';
import { groupKeys } from '../../../data/group-keys.js';
import { GroupsTable } from '../components/groups-table.js';
import { useBookView } from './book-view.js';
import { loadWholeBook, WHOLE_BOOK_LIMIT, WholeBookTooLarge } from './load-whole-book.js';
import { useSharesTriage } from './shares-triage.js';
import type { WholeBook } from './load-whole-book.js';
import type { WholeBookUrlState } from './book-view.js';

interface Props {
  state: WholeBookUrlState;
  onChange: (change: Partial<WholeBookUrlState>) => void;
  onClose: () => void;
}

/** Every group at once, for filters and sorts Flexmls does not offer. State lives in the URL. */
export function WholeBookPanel({ state, onChange: set, onClose }: Props) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const book = useQuery<WholeBook>({
    queryKey: groupKeys.wholeBook(account),
    queryFn: () => Promise.reject(new Error('Loaded by the panel')),
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setFailure(null);
    setProgress({ loaded: 0, total: 0 });
    const key = groupKeys.wholeBook(account);
    loadWholeBook(account, abort.signal, (loaded, total) => setProgress({ loaded, total }))
      .then((data) => queryClient.setQueryData(key, data))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setFailure(error instanceof WholeBookTooLarge ? error.message : errorMessage(error));
      })
      .finally(() => {
        if (controller.current === abort) {
          controller.current = null;
          setProgress(null);
        }
      });
  };

  const hasData = book.data !== undefined;
  useEffect(() => {
    if (!hasData && !controller.current) start();
    return () => controller.current?.abort();
    // Loads once when opened without cached groups.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const shares = useSharesTriage(
    state.shares,
    (value) => set({ shares: value }),
    book.data?.groups,
  );
  const view = useBookView(state, set, book.data?.groups, {
    keep: shares.keep,
    filters: shares.control,
  });

  if (progress) {
    const { loaded, total } = progress;
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
              controller.current?.abort();
              onClose();
            }}
          >
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  }
  if (failure || !book.data) {
    return (
      <Alert color="yellow" variant="light" title="Could not load all groups">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{failure}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={start}>
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

  const { shown, slice } = view;
  const all = book.data.groups;

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        {view.filters}
        <Button variant="default" size="xs" onClick={start}>
          Reload
        </Button>
        <Button variant="subtle" size="xs" onClick={onClose}>
          Back to pages
        </Button>
      </Group>
      {shares.status}
      <Text size="sm" aria-live="polite">
        {shown} of {all.length} groups (all loaded, up to {WHOLE_BOOK_LIMIT.toLocaleString('en-US')}
        )
      </Text>
      <GroupsTable
        groups={slice}
        dataUpdatedAt={book.dataUpdatedAt}
        sort="Name"
        onSortChange={view.sortByOwner}
        caption="All portal groups"
        extra={shares.column}
      />
      {view.pagination}
    </Stack>
  );
}
