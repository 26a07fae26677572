import type { QueryClient } from '@tanstack/react-query';

/**
 * While a write has not reached the server (offline, or still in flight), leaving the page asks
 * first: the change would otherwise be lost with the tab.
 */
export function guardPendingWrites(queryClient: QueryClient): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (queryClient.isMutating() > 0) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
