import { useSyncExternalStore } from 'react';
import { Alert } from '@mantine/core';
import { onlineManager } from '@tanstack/react-query';

function subscribe(onChange: () => void) {
  return onlineManager.subscribe(onChange);
}

function useIsOnline(): boolean {
  return useSyncExternalStore(subscribe, () => onlineManager.isOnline());
}

/** Queries and writes pause while offline and resume when the connection is back. */
export function OfflineBanner() {
  const online = useIsOnline();
  if (online) return null;
  return (
    <Alert color="yellow" variant="light" role="status" radius={0}>
      You&apos;re offline; changes will be sent when you&apos;re back
    </Alert>
  );
}
