// How the app retries a failed request: one policy for React Query and for loaders of their own.
import { SparkCode } from '../../shared/spark-codes.js';
import { notifyWarning } from '../ui/notify.js';
import { errorMessage } from './error-message.js';
import { SparkApiError, WRONG_ACCOUNT } from './spark-fetch.js';

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

/**
 * One read retried as React Query retries a query (`shouldRetryRead`, `readRetryDelay`), for a
 * query function that makes many reads and retries each on its own.
 */
export async function withReadRetries<T>(read: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await read();
    } catch (error) {
      if (signal.aborted || !shouldRetryRead(failures, error)) throw error;
      await waitOrAbort(readRetryDelay(failures, error), signal);
    }
  }
}

function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}
