import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { PortalGroup } from '../../shared/portal-groups.js';
import { agentAccount } from '../account/account.js';
import { errorMessage } from '../api/error-message.js';
import { useAgents } from '../features/agents/api/agents.js';
import { wholeBookQueryOptions } from '../data/whole-book.js';
import { GroupsTable } from '../features/groups/components/groups-table.js';
import { useBookView } from '../features/groups/use-book-view.js';
import type { WholeBookUrlState } from '../features/groups/use-book-view.js';

/**
 * Every added agent's groups together, each row labelled with its agent, with the whole-book
 * filters and sorts. Each agent's book is loaded with that agent's token and cached under that
 * agent's key, the same entry the agent's own "Load all groups" uses.
 */
interface Props {
  state: WholeBookUrlState;
  onChange: (change: Partial<WholeBookUrlState>) => void;
  onClose: () => void;
}

export function AllAgentsView({ state, onChange, onClose }: Props) {
  const agents = useAgents();
  const books = useQueries({
    queries: agents.map((agent) => wholeBookQueryOptions(agentAccount(agent.Id))),
  });

  const agentOf = new Map<string, string>();
  const all: PortalGroup[] = [];
  const names = new Map<string, string>();
  agents.forEach((agent, index) => {
    names.set(agent.Id, agent.Name);
    const book = books[index]?.data;
    for (const group of book?.complete ? book.groups : []) {
      agentOf.set(group.Id, agent.Id);
      all.push(group);
    }
  });
  const loading = agents.filter(
    (_, index) => !books[index]?.data?.complete && !books[index]?.isError,
  );
  const failed = agents.flatMap((agent, index) => {
    const book = books[index];
    return book?.isError ? [{ agent, book }] : [];
  });
  const view = useBookView(state, onChange, all);
  const { shown, slice } = view;

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        {view.filters}
        <Button variant="subtle" size="xs" onClick={onClose}>
          Back to pages
        </Button>
      </Group>
      {loading.length > 0 && (
        <Group gap="xs" aria-live="polite">
          <Loader size="xs" />
          <Text size="sm">
            Loading the groups of {loading.map((agent) => agent.Name).join(', ')}…
          </Text>
        </Group>
      )}
      {failed.map(({ agent, book }) => (
        <Alert
          key={agent.Id}
          color="yellow"
          variant="light"
          title={`Could not load the groups of ${agent.Name}`}
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">{errorMessage(book.error)}</Text>
            <Button size="xs" variant="default" onClick={() => void book.refetch()}>
              Try again
            </Button>
          </Group>
        </Alert>
      ))}
      <Text size="sm" aria-live="polite">
        {shown} of {all.length} groups of {agents.length} {agents.length === 1 ? 'agent' : 'agents'}
      </Text>
      <GroupsTable
        groups={loading.length === agents.length && agents.length > 0 ? undefined : slice}
        dataUpdatedAt={0}
        sort="Name"
        onSortChange={view.sortByOwner}
        bookSort={view.bookSort}
        extra={view.why ? [view.why] : undefined}
        caption="Portal groups of all my agents"
        agents={{
          nameOf: (group) => names.get(agentOf.get(group.Id) ?? '') ?? '',
          agentOf: (group) => agentOf.get(group.Id) ?? '',
        }}
      />
      {view.pagination}
    </Stack>
  );
}
