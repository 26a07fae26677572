import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparkError } from './errors.js';
import { RollingRateLimit } from './rate-limit.js';

/** What `take` answers: null when admitted, else the Retry-After it refuses with. */
function attempt(limiter: RollingRateLimit, key: string, limit: number, now: number) {
  try {
    limiter.take(key, limit, now);
    return null;
  } catch (error) {
    if (!(error instanceof SparkError)) throw error;
    return error.extra.headers?.['Retry-After'];
  }
}

/** The rule as it was first written: the log's expired times removed from its front each time. */
function reference(windowMs: number) {
  const admitted = new Map<string, number[]>();
  return (key: string, limit: number, now: number) => {
    const since = now - windowMs;
    const times = admitted.get(key) ?? [];
    admitted.set(key, times);
    const live = times.findIndex((time) => time > since);
    times.splice(0, live === -1 ? times.length : live);
    if (times.length >= limit) {
      const oldest = times[0] ?? now;
      return String(Math.max(1, Math.ceil((oldest - since) / 1000)));
    }
    times.push(now);
    return null;
  };
}

describe('RollingRateLimit', () => {
  it('admits again as the oldest request leaves the window, and says when', () => {
    const limiter = new RollingRateLimit(3_000);
    expect(attempt(limiter, 't', 2, 0)).toBeNull();
    expect(attempt(limiter, 't', 2, 1_000)).toBeNull();
    expect(attempt(limiter, 't', 2, 1_500)).toBe('2');
    expect(attempt(limiter, 'other', 2, 1_500)).toBeNull();
    expect(attempt(limiter, 't', 2, 3_000)).toBeNull();
    expect(attempt(limiter, 't', 2, 3_001)).toBe('1');
  });

  it('answers as the plain rule does over long runs of requests (past its bulk clean-ups)', () => {
    // Bursts of requests (up to 2,000, 0–2 ms apart) from one of two tokens, then a pause.
    const burst = fc.record({
      key: fc.constantFrom('a', 'b'),
      count: fc.integer({ min: 1, max: 2_000 }),
      step: fc.integer({ min: 0, max: 2 }),
      pause: fc.integer({ min: 0, max: 1_500 }),
    });
    fc.assert(
      fc.property(
        fc.array(burst, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.constantFrom(1, 7, 1024),
        (bursts, limit, dropAfter) => {
          const limiter = new RollingRateLimit(1_000, dropAfter);
          const expected = reference(1_000);
          let now = 0;
          for (const { key, count, step, pause } of bursts) {
            for (let i = 0; i < count; i++, now += step) {
              expect(attempt(limiter, key, limit, now)).toBe(expected(key, limit, now));
            }
            now += pause;
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
