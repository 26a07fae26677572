import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.js';
import { SparkApiError } from './spark-fetch.js';

describe('errorMessage', () => {
  it('tells the user the service is temporarily unavailable on a 503', () => {
    const error = new SparkApiError('The service is temporarily unavailable.', 503, 1026);
    expect(errorMessage(error)).toBe(
      'The service is temporarily unavailable; try again in a moment.',
    );
  });
});
