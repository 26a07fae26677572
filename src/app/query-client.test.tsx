import { act, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SparkApiError } from './api/spark-fetch.js';
import { readRetryDelay, shouldRetryRead } from './api/retry-policy.js';
import { findNotification } from './testing/notification.js';
import { renderWithProviders } from './testing/render.js';

describe('read retries', () => {
  it('retries network errors, 5xx and rate limiting, not other 4xx', () => {
    expect(shouldRetryRead(0, new SparkApiError('offline', 0, 0))).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('busy', 429, 1550, 5))).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('boom', 500, 1026))).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('gone', 404, 404))).toBe(false);
    expect(shouldRetryRead(0, new SparkApiError('bad', 400, 1053))).toBe(false);
    expect(shouldRetryRead(3, new SparkApiError('boom', 500, 1026))).toBe(false);
  });

  it('waits as long as Retry-After says, and tells the user why', async () => {
    renderWithProviders(<></>);
    let delay = 0;
    act(() => {
      delay = readRetryDelay(0, new SparkApiError('busy', 429, 1550, 7));
    });
    expect(delay).toBe(7000);
    const busy = await findNotification('Flexmls is busy, retrying in 7 s');
    expect(within(busy).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(readRetryDelay(1, new SparkApiError('boom', 500, 1026))).toBe(2000);
  });
});
