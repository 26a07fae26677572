import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Mutation } from '@tanstack/react-query';
import { readRetryDelay, shouldRetryRead, shouldRetryWrite } from './api/retry-policy.js';
import { SparkApiError } from './api/spark-fetch.js';
import { SparkCode } from '../shared/spark-codes.js';
import { markSessionEnded } from './data/session.js';

function isSessionEnd(error: unknown): boolean {
  return (
    error instanceof SparkApiError &&
    // An agent's authorization ending leaves the user's own sign-in (and other agents) in place.
    error.forAgent === null &&
    error.status === 401 &&
    (error.code === SparkCode.Unauthorized || error.code === SparkCode.TokenExpired)
  );
}

interface Options {
  /** Tests turn retries off to see failures at once. */
  retry?: boolean;
  /** The app's other tabs refetch what a write here changed (BroadcastChannel). */
  tabSync?: boolean;
}

export function createQueryClient({ retry = true, tabSync = false }: Options = {}): QueryClient {
  let announce: ((mutation: Mutation<unknown, unknown, unknown>) => void) | undefined;
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionEnd(error)) markSessionEnded(queryClient);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionEnd(error)) markSessionEnded(queryClient);
      },
      onSettled: (_data, _error, _variables, _result, mutation) => announce?.(mutation),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: retry ? shouldRetryRead : false,
        retryDelay: readRetryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: retry ? shouldRetryWrite : false, retryDelay: readRetryDelay },
    },
  });
  if (tabSync) {
    void import('./sync/tab-sync.js').then(({ startTabSync, syncKeysFor }) => {
      const sync = startTabSync(queryClient);
      announce = (mutation) => sync.announce(syncKeysFor(mutation));
    });
  }
  return queryClient;
}
