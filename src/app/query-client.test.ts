import { describe, expect, it } from 'vitest';
import { SparkApiError } from './api/spark-fetch.js';
import { readRetryDelay, shouldRetryRead } from './query-client.js';

describe('read retries', () => {
  it('retries network errors, 5xx and rate limiting, not other 4xx', () => {
    expect(shouldRetryRead(0, new SparkApiError('offline', 0, 0))).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('busy', 429, 1550, 5))).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('boom', 500, 1026))).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('gone', 404, 404))).toBe(false);
    expect(shouldRetryRead(0, new SparkApiError('bad', 400, 1053))).toBe(false);
    expect(shouldRetryRead(3, new SparkApiError('boom', 500, 1026))).toBe(false);
  });

  it('waits as long as Retry-After says', () => {
    expect(readRetryDelay(0, new SparkApiError('busy', 429, 1550, 7))).toBe(7000);
    expect(readRetryDelay(1, new SparkApiError('boom', 500, 1026))).toBe(2000);
  });
});
