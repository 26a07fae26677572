import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Mutation } from '@tanstack/react-query';
import { errorMessage } from './api/error-message.js';
import { SparkApiError, WRONG_ACCOUNT } from './api/spark-fetch.js';
import { SparkCode } from '../shared/spark-codes.js';
import { markSessionEnded } from './data/session.js';
import { notifyWarning } from './ui/notify.js';

const MAX_READ_RETRIES = 3;

/** Reads retry on network errors, 5xx and rate limiting; other 4xx answers are final. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_READ_RETRIES) return false;
  if (!(error instanceof SparkApiError)) return true;
  if (error.code === WRONG_ACCOUNT) return false;
  if (error.isNetwork || error.status === 429) return true;
  return error.status < 400 || error.status >= 500;
}

/**
 * A rate-limited write (429, or 1550 sent as 503) was not applied, so it is sent again (after
 * Retry-After when given), as the app says.
 */
export function shouldRetryWrite(failureCount: number, error: unknown): boolean {
  return (
    failureCount < MAX_READ_RETRIES &&
    error instanceof SparkApiError &&
    (error.status === 429 || error.code === SparkCode.RateLimited)
  );
}

/** Honours Retry-After; otherwise exponential back-off. */
export function readRetryDelay(attempt: number, error: unknown): number {
  if (error instanceof SparkApiError && error.code === SparkCode.RateLimited) {
    notifyWarning('flexmls-busy', errorMessage(error));
    if (error.retryAfterSeconds) return error.retryAfterSeconds * 1000;
  }
  return Math.min(1000 * 2 ** attempt, 10_000);
}

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
