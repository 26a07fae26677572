import { formatExact } from '../ui/relative-time.js';
import { Anchor, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { createParser, useQueryStates } from 'nuqs';
import type { AuditEntry } from '../../shared/audit.js';
import { describeAudit } from '../../shared/audit-words.js';
import { serverPaths } from '../account/paths.js';
import { useSessionUser } from '../data/session.js';
import { auditFilterQuery, useAudit, useAuditFilters } from '../features/audit/api/get-audit.js';
import type { AuditPage, AuditView } from '../features/audit/api/get-audit.js';
import { CardList, CardListItem, usePhone } from '../ui/card-list.js';
import { DotBadge } from '../ui/dot-badge.js';
import { PageNav } from '../ui/page-nav.js';
import { PageStates } from '../ui/page-states.js';
import { PageError } from './route-error.js';
import { parseAsPageNumber } from './search-params.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SPARK_ID = /^\d{26}$/;

/** A value of the address kept only when it matches `pattern` (anything else reads as unset). */
const parseAsMatching = (pattern: RegExp) =>
  createParser({
    parse: (value) => (pattern.test(value) ? value : null),
    serialize: (value: string) => value,
  });

/**
 * Which page of the trail (`?page=`), narrowed to an agent, a circle and a day (`?agent=`,
 * `?circle=`, `?day=YYYY-MM-DD`); the trail is the user's own, whoever the tab works for. Kept
 * by nuqs, so quick changes build on each other and the query key is the address's state.
 */
const auditSearch = {
  agent: parseAsMatching(SPARK_ID),
  circle: parseAsMatching(SPARK_ID),
  day: parseAsMatching(DAY),
  page: parseAsPageNumber,
};

export const loader = () => () => null;

function Outcome({ entry }: { entry: AuditEntry }) {
  return (
    <DotBadge
      tone={entry.Outcome === 'Succeeded' ? 'positive' : 'negative'}
      size="sm"
      style={{ flexShrink: 0 }}
    >
      {entry.Outcome}
      {entry.Outcome === 'Failed' && entry.Kind !== 'refused-more'
        ? ` (${entry.Code ?? entry.Status})`
        : ''}
    </DotBadge>
  );
}

/** Who made the change: "You", or the assistant who made it for you. */
function byWhom(entry: AuditEntry, me: string | undefined): string {
  return entry.ActorId === me ? 'You' : entry.ActorName;
}

function forWhom(entry: AuditEntry, me: string | undefined): string {
  return entry.ForId === me ? `${entry.ForName} (you)` : entry.ForName;
}

interface EntriesProps {
  entries: AuditEntry[] | undefined;
  /** The signed-in user's Id. */
  me: string | undefined;
}

function AuditCards({ entries, me }: EntriesProps) {
  return (
    <CardList label="Audit trail" busy={entries === undefined}>
      {entries?.map((entry) => (
        <CardListItem key={entry.Id}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {describeAudit(entry)}
            </Text>
            <Outcome entry={entry} />
          </Group>
          <Text size="xs" c="dimmed">
            {formatExact(new Date(entry.At))}
            {entry.ActorId === me ? '' : ` · by ${entry.ActorName}`} · for {forWhom(entry, me)}
          </Text>
        </CardListItem>
      ))}
    </CardList>
  );
}

function AuditTable({ entries, me }: EntriesProps) {
  return (
    <Table striped captionSide="top" aria-busy={entries === undefined}>
      <Table.Caption>Changes by you and for you, newest first</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">By</Table.Th>
          <Table.Th scope="col">For</Table.Th>
          <Table.Th scope="col">Change</Table.Th>
          <Table.Th scope="col">Outcome</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries?.map((entry) => (
          <Table.Tr key={entry.Id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={entry.At}>{formatExact(new Date(entry.At))}</time>
            </Table.Td>
            <Table.Td>{byWhom(entry, me)}</Table.Td>
            <Table.Td>{forWhom(entry, me)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{describeAudit(entry)}</Table.Td>
            <Table.Td>
              <Outcome entry={entry} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Narrows the trail to an agent, a circle (of that agent, when one is chosen) and a day. */
function AuditFilters({
  view,
  onChange,
}: {
  view: AuditView;
  onChange: (change: (view: AuditView) => AuditView) => void;
}) {
  const filters = useAuditFilters();
  const agents = filters.data?.Agents ?? [];
  const circles = (filters.data?.Circles ?? []).filter(
    (circle) => !view.agent || circle.ForId === view.agent,
  );
  const circleName = (circle: { Id: string; Name?: string }) =>
    circle.Name ? `${circle.Name}'s circle` : `Circle ${circle.Id}`;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label="For"
        value={view.agent ?? ''}
        onChange={(event) => {
          const agent = event.currentTarget.value || undefined;
          onChange((current) => ({ ...current, agent, circle: undefined }));
        }}
        data={[
          { value: '', label: 'Everyone' },
          ...agents.map((agent) => ({ value: agent.Id, label: agent.Name })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
      <NativeSelect
        label="Circle"
        value={view.circle ?? ''}
        onChange={(event) => {
          const circle = event.currentTarget.value || undefined;
          onChange((current) => ({ ...current, circle }));
        }}
        data={[
          { value: '', label: 'All circles' },
          ...circles.map((circle) => ({ value: circle.Id, label: circleName(circle) })),
        ]}
        w={{ base: '100%', xs: 260 }}
      />
      <TextInput
        type="date"
        label="Day"
        value={view.day ?? ''}
        onChange={(event) => {
          const day = event.currentTarget.value || undefined;
          onChange((current) => ({ ...current, day }));
        }}
        w={{ base: '100%', xs: 180 }}
      />
    </Group>
  );
}

/**
 * The signed-in user's writes and an assistant's for her, newest first, in words: by whom, for
 * whom, what, whether it went through.
 */
export function Component() {
  useDocumentTitle('Audit trail · Portal Groups Admin');
  const [search, setSearch] = useQueryStates(auditSearch, { history: 'push' });
  const { page } = search;
  const view: AuditView = {
    agent: search.agent ?? undefined,
    circle: search.circle ?? undefined,
    day: search.day ?? undefined,
  };
  const audit = useAudit(page, view);
  // Each change starts from the latest state, even one the address has not caught up with yet.
  const changeView = (change: (view: AuditView) => AuditView) =>
    void setSearch((current) => {
      const next = change({
        agent: current.agent ?? undefined,
        circle: current.circle ?? undefined,
        day: current.day ?? undefined,
      });
      return {
        agent: next.agent ?? null,
        circle: next.circle ?? null,
        day: next.day ?? null,
        page: null,
      };
    });
  const filterQuery = auditFilterQuery(view).toString();
  // The CSV writes times in the user's zone, as a spreadsheet reads them.
  const csvQuery = new URLSearchParams(filterQuery);
  csvQuery.set('tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
  const csv = `${serverPaths.auditCsv}?${csvQuery.toString()}`;
  const narrowed = Boolean(view.agent || view.circle || view.day);
  const phone = usePhone();
  const me = useSessionUser()?.Id;
  const Entries = phone ? AuditCards : AuditTable;
  const pages = (data: AuditPage | undefined) => (
    <>
      <Entries entries={data?.entries} me={me} />
      {data && (
        <PageNav
          total={data.pagination.TotalPages}
          value={page}
          onChange={(next) => void setSearch({ page: next })}
        />
      )}
    </>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Audit trail</Title>
        <Anchor href={csv} download>
          Export CSV
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        Every change you made through this app, and every change an assistant made for you: when, by
        whom, for whom, what, and whether it went through.
      </Text>
      <AuditFilters view={view} onChange={changeView} />
      <PageStates
        query={audit}
        what="the audit trail"
        loading={pages(undefined)}
        empty={(data) =>
          data.entries.length === 0 ? (
            <Text>
              {narrowed
                ? 'No changes match these filters.'
                : 'No changes yet. Every change you make, for yourself or an agent, is listed here.'}
            </Text>
          ) : null
        }
      >
        {pages}
      </PageStates>
    </Stack>
  );
}

export const ErrorBoundary = PageError;
