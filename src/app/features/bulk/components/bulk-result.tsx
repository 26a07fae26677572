import '@mantine/core/styles/List.css';
import { Alert, List, Text } from '@mantine/core';
import { errorMessage } from '../../../api/error-message.js';
import { groupName } from '../../../data/group-summary.js';
import { BULK_VERBS } from '../api/bulk-actions.js';
import type { BulkRun } from '../api/bulk-actions.js';

/** "Added to Favorites: 5 of 7 groups", then each failure with its reason. */
export function BulkResult({ run, onClose }: { run: BulkRun; onClose: () => void }) {
  const failures = run.results.filter((result) => !result.ok);
  const succeeded = run.results.length - failures.length;
  const verbs = BULK_VERBS[run.kind];
  return (
    <Alert
      color={failures.length ? 'red' : 'green'}
      variant="light"
      title={`${verbs.done}: ${succeeded} of ${run.results.length} groups`}
      withCloseButton
      closeButtonLabel="Dismiss result"
      onClose={onClose}
      // The light variant's green title falls under 4.5:1 on its tint; the text colour does not.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      {failures.length > 0 && (
        <>
          <Text size="sm">
            {verbs.failed} ({failures.length}):
          </Text>
          <List size="sm">
            {failures.map((failure) => (
              <List.Item key={failure.item.Id}>
                {groupName(failure.item)}: {failure.ok ? '' : errorMessage(failure.error)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
