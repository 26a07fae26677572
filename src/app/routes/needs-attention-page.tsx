import { useCallback, useMemo } from 'react';
import { useRemoveFocus } from '../ui/use-remove-focus.js';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { createLoader, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { Link } from 'react-router-dom';
import type { LoaderFunctionArgs } from 'react-router-dom';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { agentAccount } from '../account/account.js';
import type { Account } from '../account/account.js';
import { paths } from '../account/paths.js';
import { useAccount } from '../account/use-account.js';
import { errorMessage } from '../api/error-message.js';
import { GROUPS_PAGE_SIZE } from '../data/get-groups.js';
import { groupName } from '../data/group-summary.js';
import {
  ATTENTION_REASONS,
  ATTENTION_SORTS,
  peopleNeedingAttention,
} from '../data/people-needing-attention.js';
import type {
  AttentionReason,
  BookOfAccount,
  PersonNeedingAttention,
} from '../data/people-needing-attention.js';
import { useCanEdit } from '../data/session.js';
import { useAgents } from '../features/agents/api/agents.js';
import { CircleLines, PeopleList } from '../features/attention/components/people-list.js';
import { ExportPeopleCsvButton } from '../features/export/components/export-csv-button.js';
import { wholeBookQueryOptions, WholeBookTooLarge } from '../data/whole-book.js';
import type { WholeBook } from '../data/whole-book.js';
import { useMemberChanges } from '../features/members/components/use-member-changes.js';
import { PageNav } from '../ui/page-nav.js';
import { dangerText } from '../ui/theme.js';
import { PageStates } from '../ui/page-states.js';
import { PageError } from './route-error.js';
import { loaderAccount } from './route-inputs.js';
import { parseAsPageNumber } from './search-params.js';

/**
 * The page's state in the address: the order (`?sort=-signin`: most recent first; `name`), one
 * reason only (`?reason=off`), every added agent's book (`?agents=all`) and the page.
 */
const attentionSearch = {
  sort: parseAsStringLiteral(ATTENTION_SORTS).withDefault('signin'),
  reason: parseAsStringLiteral(ATTENTION_REASONS),
  agents: parseAsStringLiteral(['all'] as const),
  page: parseAsPageNumber,
};
const loadAttentionSearch = createLoader(attentionSearch);

/** The book of the account the address names starts loading with the page's code. */
export const loader =
  (queryClient: QueryClient) =>
  ({ request, params }: LoaderFunctionArgs) => {
    const account = loaderAccount(queryClient, params);
    if (account && loadAttentionSearch(request).agents !== 'all')
      void queryClient.prefetchQuery(wholeBookQueryOptions(account));
    return null;
  };

const REASON_LABELS: Record<AttentionReason, string> = {
  quiet: 'Quiet for over 30 days',
  never: 'Never signed in',
  off: 'Portal off',
};

const removeKey = (person: PersonNeedingAttention, group: PortalGroup) =>
  `${person.key} ${group.Id}`;

/** A circle the person is in: a link to it, and (not their own) a way to remove them from it. */
function CircleLine({
  person,
  group,
  owns,
  canEdit,
  onRemove,
  onRestored,
}: {
  person: PersonNeedingAttention;
  group: PortalGroup;
  owns: boolean;
  canEdit: boolean;
  /** Called just before the removal, with the button's key (focus moves on from it). */
  onRemove: (key: string) => void;
  /** Called as Undo puts the person back in the circle. */
  onRestored: (key: string) => void;
}) {
  const key = removeKey(person, group);
  const { remove } = useMemberChanges(group, person.account, () => onRestored(key));
  const name = owns ? 'Own circle' : `${groupName(group)}'s circle`;
  return (
    <Group component="li" gap="xs" wrap="nowrap" justify="space-between">
      <Anchor
        component={Link}
        to={paths.group(person.account.agentId, group.Id)}
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
      >
        {name}
      </Anchor>
      {canEdit && !owns && (
        <Button
          variant="subtle"
          color="red"
          c={dangerText}
          size="compact-xs"
          aria-label={`Remove ${person.user.Name} from ${groupName(group)}'s circle`}
          data-remove-key={key}
          onClick={() => {
            onRemove(key);
            remove(person.user);
          }}
        >
          Remove
        </Button>
      )}
    </Group>
  );
}

/** The row's action for a portal that is off: turn it on (one contact, every circle). */
function PortalOn({ person }: { person: PersonNeedingAttention }) {
  const { setPortal } = useMemberChanges(person.circles[0].group, person.account);
  if (person.reason !== 'off') return null;
  return (
    <Button
      variant="default"
      size="compact-sm"
      aria-label={`Turn portal on for ${person.user.Name}`}
      onClick={() => setPortal(person.user, true)}
    >
      Turn portal on
    </Button>
  );
}

interface Book {
  account: Account;
  agentName?: string;
}

/**
 * Loads the books and says how far: the loaded ones, progress over those still loading, the
 * ones that failed. `combine` keeps the result the same object while no book changes.
 */
function useBooks(books: Book[]) {
  const combine = useCallback(
    (queries: UseQueryResult<WholeBook>[]) => {
      const loaded: BookOfAccount[] = [];
      const failed: { book: Book; error: Error; refetch: () => Promise<unknown> }[] = [];
      let arrived = 0;
      let total = 0;
      let loading = 0;
      // Offline with nothing loaded: the page says so instead of showing skeletons.
      const paused = queries.some((query) => query.fetchStatus === 'paused');
      books.forEach((book, index) => {
        const query = queries[index];
        if (!query) return;
        if (query.data?.complete) loaded.push({ ...book, groups: query.data.groups });
        else if (query.isError) failed.push({ book, error: query.error, refetch: query.refetch });
        else {
          loading += 1;
          arrived += query.data?.loaded ?? 0;
          total += query.data?.total ?? 0;
        }
      });
      return { loaded, failed, loading, arrived, total, paused };
    },
    [books],
  );
  return useQueries({
    queries: books.map(({ account }) => wholeBookQueryOptions(account)),
    combine,
  });
}

export function Component() {
  useDocumentTitle('Needs attention · Portal Groups Admin');
  const [search, setSearch] = useQueryStates(attentionSearch, { shallow: false });
  const { sort, reason, agents: agentsView, page } = search;
  const account = useAccount();
  const agents = useAgents();
  const canEdit = useCanEdit();
  const allAgents = agentsView === 'all' && agents.length > 0 && account.agentId === null;
  const bookList = useMemo<Book[]>(
    () =>
      allAgents
        ? agents.map((agent) => ({ account: agentAccount(agent.Id), agentName: agent.Name }))
        : [{ account }],
    [allAgents, agents, account],
  );
  const books = useBooks(bookList);
  const everyone = useMemo(
    () => (books.loading === 0 ? peopleNeedingAttention(books.loaded, sort) : undefined),
    [books, sort],
  );
  const counts = { quiet: 0, never: 0, off: 0 };
  for (const person of everyone ?? []) counts[person.reason] += 1;
  const shown =
    everyone && reason ? everyone.filter((person) => person.reason === reason) : everyone;
  const pages = Math.max(1, Math.ceil((shown?.length ?? 0) / GROUPS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = shown?.slice((current - 1) * GROUPS_PAGE_SIZE, current * GROUPS_PAGE_SIZE);
  const tooLarge = books.failed.find(({ error }) => error instanceof WholeBookTooLarge);

  const query = {
    data: books.loading === 0 && books.loaded.length > 0 ? shown : undefined,
    isError: books.failed.length === bookList.length,
    error: books.failed[0]?.error ?? null,
    isRefetchError: false,
    fetchStatus: books.paused ? ('paused' as const) : ('idle' as const),
    refetch: () => Promise.all(books.failed.map((failed) => failed.refetch())),
  };
  const caption = `People who need attention${allAgents ? ', all my agents' : ''}`;

  // As on the group page: after Remove, focus goes to the next Remove (the previous one's for the
  // last), else the heading; after Undo, to the restored row's Remove once it is back.
  const {
    containerRef: listRef,
    headingRef,
    focusAfterRemove,
    focusWhenBack,
  } = useRemoveFocus('data-remove-key', everyone);

  const list = (people: PersonNeedingAttention[] | undefined) => (
    <div ref={listRef}>
      <PeopleList
        people={people}
        sort={sort}
        onSort={(next) => void setSearch({ sort: next, page: null })}
        caption={caption}
        withAgent={allAgents}
        circles={(person) => (
          <CircleLines>
            {person.circles.map(({ group, owns }) => (
              <CircleLine
                key={group.Id}
                person={person}
                group={group}
                owns={owns}
                canEdit={canEdit}
                onRemove={focusAfterRemove}
                onRestored={focusWhenBack}
              />
            ))}
          </CircleLines>
        )}
        actions={(person) => (canEdit ? <PortalOn person={person} /> : null)}
      />
      <PageNav total={pages} value={current} onChange={(next) => void setSearch({ page: next })} />
    </div>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} ref={headingRef} tabIndex={-1}>
          Needs attention
        </Title>
        <Group gap="xs">
          {agents.length > 0 && account.agentId === null && (
            <Button
              variant={allAgents ? 'filled' : 'default'}
              aria-pressed={allAgents}
              onClick={() => void setSearch({ agents: allAgents ? null : 'all', page: null })}
            >
              All my agents
            </Button>
          )}
          <ExportPeopleCsvButton people={shown ?? []} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Everyone in {allAgents ? 'your agents’' : 'these'} circles who has not signed in for over 30
        days, never signed in, or whose portal is off; each person once, with the circles they are
        in.
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label="Show"
          value={reason ?? ''}
          onChange={(event) => {
            const value = ATTENTION_REASONS.find((key) => key === event.currentTarget.value);
            void setSearch({ reason: value ?? null, page: null });
          }}
          data={[
            { value: '', label: `Everyone (${everyone?.length ?? '…'})` },
            ...ATTENTION_REASONS.map((key) => ({
              value: key,
              label: `${REASON_LABELS[key]} (${everyone ? counts[key] : '…'})`,
            })),
          ]}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label="Order"
          value={sort}
          onChange={(event) => {
            const value = ATTENTION_SORTS.find((key) => key === event.currentTarget.value);
            if (value) void setSearch({ sort: value, page: null });
          }}
          data={[
            { value: 'signin', label: 'Oldest sign-in first' },
            { value: '-signin', label: 'Most recent sign-in first' },
            { value: 'name', label: 'Name' },
          ]}
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
      {books.loading > 0 && (
        <Stack gap={4} aria-live="polite">
          <Text size="sm">
            {books.total
              ? `Loading every circle: ${books.arrived} of ${books.total}`
              : 'Loading every circle…'}
          </Text>
          <Progress
            value={books.total ? (books.arrived / books.total) * 100 : 0}
            aria-label="Loading every circle"
          />
        </Stack>
      )}
      {!query.isError &&
        books.failed.map((failed) => (
          <Alert
            key={failed.book.agentName ?? 'own'}
            color="yellow"
            variant="light"
            title={`Could not load the circles of ${failed.book.agentName ?? 'this account'}`}
          >
            <Group justify="space-between" gap="sm">
              <Text size="sm">{errorMessage(failed.error)}</Text>
              <Button size="xs" variant="default" onClick={() => void failed.refetch()}>
                Try again
              </Button>
            </Group>
          </Alert>
        ))}
      <PageStates
        query={query}
        what="the circles"
        loading={list(undefined)}
        failed={() =>
          tooLarge ? (
            <Alert color="yellow" variant="light" title="Too many circles to go through">
              {tooLarge.error.message}
            </Alert>
          ) : null
        }
        empty={(people) =>
          people.length === 0 ? (
            <Stack gap="xs" align="flex-start">
              <Title order={2} fz="h3">
                {reason ? `Nobody here is “${REASON_LABELS[reason]}”` : 'Everyone is active'}
              </Title>
              <Text size="sm">
                {reason
                  ? 'Show everyone to see the others who need attention.'
                  : 'Every member signed in within the last 30 days and has the portal on.'}
              </Text>
              {reason && (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => void setSearch({ reason: null, page: null })}
                >
                  Show everyone
                </Button>
              )}
            </Stack>
          ) : null
        }
      >
        {(people) => (
          <>
            <Text size="sm" aria-live="polite">
              {people.length} {people.length === 1 ? 'person needs' : 'people need'} attention
              {reason ? ` (${REASON_LABELS[reason].toLowerCase()})` : ''}
            </Text>
            {list(slice ?? people)}
          </>
        )}
      </PageStates>
    </Stack>
  );
}

export const ErrorBoundary = PageError;
