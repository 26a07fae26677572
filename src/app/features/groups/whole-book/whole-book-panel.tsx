import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Pagination,
  Progress,
  NativeSelect,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { foldKey } from '../../../../shared/name-order.js';
import { errorMessage } from '../../../api/error-message.js';
import { GROUPS_PAGE_SIZE } from '../api/get-groups.js';
import { groupKeys } from '../api/group-keys.js';
import { GroupsTable } from '../components/groups-table.js';
import { groupName, isFavorite, lastSignIn } from '../group-summary.js';
import { hasInactiveMembers } from '../../members/index.js';
import { loadWholeBook, WHOLE_BOOK_LIMIT, WholeBookTooLarge } from './load-whole-book.js';
import type { WholeBook } from './load-whole-book.js';

const SORTS = [
  { value: 'owner', label: 'Owner name' },
  { value: 'members', label: 'Member count (most first)' },
  { value: 'signin', label: 'Latest sign-in (most recent first)' },
] as const;
type SortKey = (typeof SORTS)[number]['value'];

function signInTime(group: PortalGroup): number {
  const value = lastSignIn(group);
  return value ? new Date(value).getTime() : -Infinity;
}

/**
 * The groups the filters keep, in the chosen order. Each group's keys are worked out once, not
 * in every comparison: folding 10,000 names per comparison held the page for a tenth of a second.
 */
function sortedGroups(
  all: PortalGroup[],
  sort: SortKey,
  keep: (group: PortalGroup) => boolean,
): PortalGroup[] {
  const rows = all.filter(keep).map((group) => ({
    group,
    name: foldKey(groupName(group)),
    members: group.Users.length,
    signIn: sort === 'signin' ? signInTime(group) : 0,
  }));
  type Row = (typeof rows)[number];
  const byOwner = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const comparators: Record<SortKey, (a: Row, b: Row) => number> = {
    owner: byOwner,
    members: (a, b) => b.members - a.members || byOwner(a, b),
    signin: (a, b) => b.signIn - a.signIn || byOwner(a, b),
  };
  return rows.sort(comparators[sort]).map((row) => row.group);
}

function readSort(value: string | null): SortKey {
  return SORTS.find((sort) => sort.value === value)?.value ?? 'owner';
}

/** Every group at once, for filters and sorts Flexmls does not offer. State lives in the URL. */
export function WholeBookPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const book = useQuery<WholeBook>({
    queryKey: groupKeys.wholeBook(),
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
    loadWholeBook(abort.signal, (loaded, total) => setProgress({ loaded, total }))
      .then((data) => queryClient.setQueryData(groupKeys.wholeBook(), data))
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

  const [searchParams, setSearchParams] = useSearchParams();
  const favoritesOnly = searchParams.get('fav') === '1';
  const inactiveOnly = searchParams.get('inactive') === '1';
  const sort = readSort(searchParams.get('by'));
  const all = book.data?.groups;
  const shown = useMemo(
    () =>
      sortedGroups(
        all ?? [],
        sort,
        (group) =>
          (!favoritesOnly || isFavorite(group)) && (!inactiveOnly || hasInactiveMembers(group)),
      ),
    [all, sort, favoritesOnly, inactiveOnly],
  );
  const page = Math.max(1, Number(searchParams.get('apage')) || 1);
  const set = (change: Record<string, string | null>) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

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
  if (failure || !all) {
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

  const pages = Math.max(1, Math.ceil(shown.length / GROUPS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * GROUPS_PAGE_SIZE, current * GROUPS_PAGE_SIZE);

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Checkbox
          label="Favorites only"
          checked={favoritesOnly}
          onChange={(event) => set({ fav: event.currentTarget.checked ? '1' : null, apage: null })}
        />
        <Checkbox
          label="Has inactive members"
          checked={inactiveOnly}
          onChange={(event) =>
            set({ inactive: event.currentTarget.checked ? '1' : null, apage: null })
          }
        />
        <NativeSelect
          label="Sort all groups by"
          data={[...SORTS]}
          value={sort}
          onChange={(event) => {
            const value = event.currentTarget.value;
            set({ by: value === 'owner' ? null : value, apage: null });
          }}
          w={280}
        />
        <Button variant="default" size="xs" onClick={start}>
          Reload
        </Button>
        <Button variant="subtle" size="xs" onClick={onClose}>
          Back to pages
        </Button>
      </Group>
      <Text size="sm" aria-live="polite">
        {shown.length} of {all.length} groups (all loaded, up to{' '}
        {WHOLE_BOOK_LIMIT.toLocaleString('en-US')})
      </Text>
      <GroupsTable
        groups={slice}
        dataUpdatedAt={book.dataUpdatedAt}
        sort="Name"
        onSortChange={() => set({ by: null, apage: null })}
        caption="All portal groups"
      />
      {pages > 1 && (
        <Pagination
          total={pages}
          value={current}
          onChange={(next) => set({ apage: String(next) })}
          size="sm"
          getControlProps={(control) => ({
            'aria-label': {
              first: 'First page',
              last: 'Last page',
              next: 'Next page',
              previous: 'Previous page',
            }[control],
          })}
          getItemProps={(item) => ({
            'aria-label': `Page ${item}`,
            'aria-current': item === current ? 'page' : undefined,
          })}
        />
      )}
    </Stack>
  );
}
