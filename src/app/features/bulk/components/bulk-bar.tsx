import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { groupName } from '../../../data/group-summary.js';
import { useBulkAction } from '../api/bulk-actions.js';
import type { BulkActionKind, BulkRun } from '../api/bulk-actions.js';
import { BulkResult } from './bulk-result.js';
import { ConfirmDialog } from '../../../ui/confirm-dialog.js';

interface BulkBarProps {
  selected: PortalGroup[];
  onClear: () => void;
  /** More actions on the selected groups, beside Favorites (the page's "Export CSV"). */
  moreActions?: (selected: PortalGroup[]) => ReactNode;
}

const SHOWN_NAMES = 10;

/** Actions on the selected groups, with progress while they run and a per-group result. */
export function BulkBar({ selected, onClear, moreActions }: BulkBarProps) {
  const [run, setRun] = useState<BulkRun | null>(null);
  const bulk = useBulkAction({ onUndo: () => setRun(null) });
  const count = selected.length;
  const groupsText = `${count} ${count === 1 ? 'group' : 'groups'}`;

  const start = (kind: BulkActionKind) => {
    setRun(null);
    bulk.mutate(
      { kind, groups: selected },
      {
        onSuccess: (result) => {
          setRun(result);
          if (kind === 'delete') onClear();
        },
      },
    );
  };

  const [confirmOpened, confirm] = useDisclosure(false);
  const names = selected.map(groupName);
  const deleteDialog = (
    <ConfirmDialog
      opened={confirmOpened}
      onClose={confirm.close}
      title={`Delete ${groupsText}?`}
      confirmLabel={`Delete ${groupsText}`}
      onConfirm={() => start('delete')}
    >
      <Stack gap="xs">
        <Text size="sm">
          The groups are dissolved; their members keep their contacts and portal accounts.
        </Text>
        <Text size="sm">
          {names.slice(0, SHOWN_NAMES).join(', ')}
          {names.length > SHOWN_NAMES ? ` and ${names.length - SHOWN_NAMES} more` : ''}
        </Text>
      </Stack>
    </ConfirmDialog>
  );

  const { done, total } = bulk.progress;
  return (
    <Stack gap="xs">
      {count > 0 && (
        <Paper component="section" aria-label="Bulk actions" withBorder p="sm" radius="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={600} aria-live="polite">
              {groupsText} selected
            </Text>
            <Group gap="xs">
              <Button size="xs" disabled={bulk.isPending} onClick={() => start('favorite')}>
                Add to Favorites
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={bulk.isPending}
                onClick={() => start('unfavorite')}
              >
                Remove from Favorites
              </Button>
              {moreActions?.(selected)}
              <Button
                size="xs"
                color="red"
                variant="outline"
                disabled={bulk.isPending}
                onClick={confirm.open}
              >
                Delete
              </Button>
              <Button size="xs" variant="subtle" disabled={bulk.isPending} onClick={onClear}>
                Clear selection
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {bulk.isPending && (
        <Stack gap={4}>
          <Progress.Root
            role="progressbar"
            aria-label="Bulk action progress"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={done}
            aria-valuetext={`${done} of ${total}`}
          >
            <Progress.Section value={total ? (done / total) * 100 : 0} withAria={false} />
          </Progress.Root>
          <Text size="sm" role="status">
            {done} of {total}
          </Text>
        </Stack>
      )}
      {run && <BulkResult run={run} onClose={() => setRun(null)} />}
      {deleteDialog}
    </Stack>
  );
}
