import { useSyncExternalStore } from 'react';
import { Alert, Text } from '@mantine/core';
import { onlineManager, useMutationState } from '@tanstack/react-query';

function subscribe(onChange: () => void) {
  return onlineManager.subscribe(onChange);
}

function useIsOnline(): boolean {
  return useSyncExternalStore(subscribe, () => onlineManager.isOnline());
}

/** Writes React Query holds back (paused) until the connection is back. */
function useWaitingWrites(): number {
  return useMutationState({
    filters: { status: 'pending', predicate: (mutation) => mutation.state.isPaused },
  }).length;
}

/**
 * Queries and writes pause while offline (React Query's default `networkMode: 'online'`) and
 * resume when the connection is back; the banner says so and counts the changes waiting.
 */
export function OfflineBanner() {
  const online = useIsOnline();
  const waiting = useWaitingWrites();
  if (online && waiting === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="status" radius={0}>
      {!online && (
        <Text size="sm">You&apos;re offline; changes will be sent when you&apos;re back</Text>
      )}
      {waiting > 0 && (
        <Text size="sm" fw={600}>
          {waiting === 1 ? '1 change waiting to send' : `${waiting} changes waiting to send`}
        </Text>
      )}
    </Alert>
  );
}
