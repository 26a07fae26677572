import { lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Button, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAccountPaths } from '../../../account/use-account.js';
import { preloadPageCode } from '../../../ui/page-code.js';
import { useIntent } from '../../../ui/use-intent.js';
import type { WholeBookUrlState } from '../use-book-view.js';
import type { BookBulk } from './groups-table-parts.js';

const WholeBookPanel = lazy(() =>
  import('./whole-book-panel.js').then((m) => ({ default: m.WholeBookPanel })),
);

/**
 * Which view the list shows: pages from Flexmls, the whole book, or every added agent's book
 * together (for office assistants).
 */
export type ListView = 'pages' | 'all' | 'agents';

/** What a whole-book view gets: its filters (kept in the address) and the way back to the pages. */
interface BookPanelProps {
  /** Selection and bulk actions, where the view offers them (one agent's whole book). */
  bulk?: BookBulk;
  state: WholeBookUrlState;
  onChange: (change: Partial<WholeBookUrlState>) => void;
  onClose: () => void;
}

/** The page title, the "All my agents" switch (for users with added agents) and "New group". */
export function GroupsHeader({
  view,
  onView,
  hasAgents,
  canEdit,
}: {
  view: ListView;
  onView: (view: ListView) => void;
  hasAgents: boolean;
  canEdit: boolean;
}) {
  const allAgents = view === 'agents';
  const paths = useAccountPaths();
  const newGroupIntent = useIntent(() => preloadPageCode('newGroup'));
  return (
    <Group justify="space-between" align="flex-end">
      <Title order={1}>Groups</Title>
      <Group gap="xs">
        {hasAgents && (
          <Button
            variant={allAgents ? 'filled' : 'default'}
            aria-pressed={allAgents}
            onClick={() => onView(allAgents ? 'pages' : 'agents')}
          >
            All my agents
          </Button>
        )}
        {canEdit && (
          <Button
            component={Link}
            variant="default"
            to={paths.needsAttention(allAgents ? '?agents=all' : '')}
          >
            Needs attention
          </Button>
        )}
        {!allAgents && canEdit && (
          <Button component={Link} to={paths.newGroup()} {...newGroupIntent}>
            New group
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** Above the pages: the way into the whole book. */
export function LoadAllGroups({ onLoad }: { onLoad: () => void }) {
  return (
    <Group gap="sm">
      <Button variant="default" size="xs" onClick={onLoad}>
        Load all groups
      </Button>
      <Text size="sm" c="dimmed">
        For Favorites only, member count and latest sign-in across every group
      </Text>
    </Group>
  );
}

/**
 * The list in its current view: the pages from Flexmls (`children`), the whole book, or every
 * added agent's book (`AgentsPanel`, which the agents feature provides; null for a user without
 * agents, who sees the pages).
 */
export function GroupsViewSwitch({
  view,
  panel,
  AgentsPanel,
  children,
}: {
  view: ListView;
  panel: BookPanelProps;
  AgentsPanel: ComponentType<BookPanelProps> | null;
  children: ReactNode;
}) {
  const Panel =
    view === 'agents' && AgentsPanel ? AgentsPanel : view === 'all' ? WholeBookPanel : null;
  if (!Panel) return children;
  return (
    <Suspense fallback={<Text size="sm">Loading…</Text>}>
      <Panel {...panel} />
    </Suspense>
  );
}
