import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';
import type { AuditEntry } from '../../shared/audit.js';
import { useAudit } from '../features/audit/get-audit.js';
import { CardList, CardListItem, usePhone } from '../ui/card-list.js';
import { DotBadge } from '../ui/dot-badge.js';
import { ErrorPanel } from '../ui/error-panel.js';
import { PageNav } from '../ui/page-nav.js';

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function Outcome({ entry }: { entry: AuditEntry }) {
  return (
    <DotBadge
      tone={entry.Outcome === 'Succeeded' ? 'positive' : 'negative'}
      size="sm"
      style={{ flexShrink: 0 }}
    >
      {entry.Outcome}
      {entry.Outcome === 'Failed' ? ` (${entry.Code ?? entry.Status})` : ''}
    </DotBadge>
  );
}

function forWhom(entry: AuditEntry): string {
  return entry.ForId === entry.ActorId ? `${entry.ForName} (you)` : entry.ForName;
}

/** The signed-in user's own writes, newest first, with who they were for and how they ended. */
export function AuditPage() {
  useDocumentTitle('Audit trail · Portal Groups Admin');
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const audit = useAudit(page);
  const phone = usePhone();

  let body: React.ReactNode;
  if (audit.isError && !audit.data) {
    body = (
      <ErrorPanel
        title="Could not load the audit trail"
        error={audit.error}
        onRetry={() => void audit.refetch()}
      />
    );
  } else if (audit.data && audit.data.entries.length === 0) {
    body = (
      <Text>No changes yet. Every change you make, for yourself or an agent, is listed here.</Text>
    );
  } else if (phone) {
    body = (
      <CardList label="Audit trail" busy={audit.isPending}>
        {audit.data?.entries.map((entry) => (
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
  } else {
    body = (
      <Table striped captionSide="top" aria-busy={audit.isPending}>
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
          {audit.data?.entries.map((entry) => (
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

  const pagination = audit.data?.pagination;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Audit trail</Title>
        <Anchor href="/auth/audit.csv" download>
          Export CSV
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        Every change you made through this app: when, for whom, what, and whether it went through.
      </Text>
      {body}
      {pagination && (
        <PageNav
          total={pagination.TotalPages}
          value={page}
          onChange={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
        />
      )}
    </Stack>
  );
}
