import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useLoaderData, useNavigate } from 'react-router-dom';
import type { LoaderFunctionArgs } from 'react-router-dom';
import type { AuditEntry } from '../../shared/audit.js';
import { serverPaths } from '../account/paths.js';
import { useAccountPaths } from '../account/use-account.js';
import { useAudit } from '../features/audit/get-audit.js';
import type { AuditPage } from '../features/audit/get-audit.js';
import { CardList, CardListItem, usePhone } from '../ui/card-list.js';
import { PageNav } from '../ui/page-nav.js';
import { PageStates } from '../ui/page-states.js';
import { PageError } from './route-error.js';

/** Which page of the trail (`?page=`); the trail is the user's own, whoever the tab works for. */
export const loader =
  () =>
  ({ request }: LoaderFunctionArgs) => ({
    page: Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get('page'))) || 1),
  });

type Inputs = ReturnType<ReturnType<typeof loader>>;

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function Outcome({ entry }: { entry: AuditEntry }) {
  return (
    <Badge
      variant="dot"
      color={entry.Outcome === 'Succeeded' ? 'green.6' : 'red.6'}
      size="sm"
      style={{ flexShrink: 0 }}
    >
      {entry.Outcome}
      {entry.Outcome === 'Failed' ? ` (${entry.Code ?? entry.Status})` : ''}
    </Badge>
  );
}

function forWhom(entry: AuditEntry): string {
  return entry.ForId === entry.ActorId ? `${entry.ForName} (you)` : entry.ForName;
}

function AuditCards({ entries }: { entries: AuditEntry[] | undefined }) {
  return (
    <CardList label="Audit trail" busy={entries === undefined}>
      {entries?.map((entry) => (
        <CardListItem key={entry.Id}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {entry.Action}
            </Text>
            <Outcome entry={entry} />
          </Group>
          <Text size="xs" c="dimmed">
            {when.format(new Date(entry.At))} · for {forWhom(entry)}
          </Text>
        </CardListItem>
      ))}
    </CardList>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] | undefined }) {
  return (
    <Table striped captionSide="top" aria-busy={entries === undefined}>
      <Table.Caption>Your changes, newest first</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">For</Table.Th>
          <Table.Th scope="col">Action</Table.Th>
          <Table.Th scope="col">Outcome</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries?.map((entry) => (
          <Table.Tr key={entry.Id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={entry.At}>{when.format(new Date(entry.At))}</time>
            </Table.Td>
            <Table.Td>{forWhom(entry)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.Action}</Table.Td>
            <Table.Td>
              <Outcome entry={entry} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The signed-in user's own writes, newest first, with who they were for and how they ended. */
export function Component() {
  useDocumentTitle('Audit trail · Portal Groups Admin');
  const { page } = useLoaderData<Inputs>();
  const audit = useAudit(page);
  const navigate = useNavigate();
  const paths = useAccountPaths();
  const phone = usePhone();
  const Entries = phone ? AuditCards : AuditTable;
  const pages = (data: AuditPage | undefined) => (
    <>
      <Entries entries={data?.entries} />
      {data && (
        <PageNav
          total={data.pagination.TotalPages}
          value={page}
          onChange={(next) => void navigate(paths.audit(next))}
        />
      )}
    </>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Audit trail</Title>
        <Anchor href={serverPaths.auditCsv} download>
          Export CSV
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        Every change you made through this app: when, for whom, what, and whether it went through.
      </Text>
      <PageStates
        query={audit}
        what="the audit trail"
        loading={pages(undefined)}
        empty={(data) =>
          data.entries.length === 0 ? (
            <Text>
              No changes yet. Every change you make, for yourself or an agent, is listed here.
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
