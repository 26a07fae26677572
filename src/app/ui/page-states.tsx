import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../api/error-message.js';
import { ErrorPanel } from './error-panel.js';

interface PageStatesProps<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isError' | 'isRefetchError' | 'refetch'>;
  /** What the page shows, as its messages name it: "the groups", "the group". */
  what: string;
  /** Shown until the first answer: the page's skeleton. */
  loading: ReactNode;
  /** What to say when there is nothing to show (null: there is something). */
  empty?: (data: T) => ReactNode;
  /**
   * A failure the page says in its own words, even over what was loaded before (a group deleted
   * meanwhile is gone); null: the usual "Could not load", or "Could not refresh" over the data.
   */
  failed?: (error: unknown) => ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The states every page's data goes through, said the same way on every page: loading, failed
 * (with Retry), empty, shown, and shown as last loaded when a refresh failed.
 */
export function PageStates<T>({
  query,
  what,
  loading,
  empty,
  failed,
  children,
}: PageStatesProps<T>) {
  const retry = () => void query.refetch();
  const ownWords = query.isError ? failed?.(query.error) : null;
  if (ownWords) return ownWords;
  if (query.isError && query.data === undefined) {
    return <ErrorPanel title={`Could not load ${what}`} error={query.error} onRetry={retry} />;
  }
  if (query.data === undefined) return loading;
  const content = empty?.(query.data) ?? children(query.data);
  if (!query.isRefetchError) return content;
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title={`Could not refresh ${what}`}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            Showing {what} as last loaded. {errorMessage(query.error)}
          </Text>
          <Button size="xs" variant="default" onClick={retry}>
            Retry
          </Button>
        </Group>
      </Alert>
      {content}
    </Stack>
  );
}
