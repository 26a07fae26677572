import { Alert, Button, Group, Text } from '@mantine/core';
import { errorMessage } from '../api/error-message.js';

interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, what went wrong and a Retry button. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" color="red" variant="filled" onClick={onRetry}>
            Retry
          </Button>
        )}
      </Group>
    </Alert>
  );
}
