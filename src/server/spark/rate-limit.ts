import { SparkCode } from '../../shared/spark-codes.js';
import { SparkError } from './errors.js';

/** A token's request times, oldest first; those before `head` have left the window. */
interface TokenLog {
  times: number[];
  head: number;
}

/**
 * Requests per access token over a rolling window: a log of request times per token. A refused
 * request is not counted, so a client that waits `Retry-After` gets through.
 */
export class RollingRateLimit {
  private readonly log = new Map<string, TokenLog>();
  private checks = 0;

  /** `dropAfter`: how many times that left the window may wait before they are dropped. */
  constructor(
    private readonly windowMs: number,
    private readonly dropAfter = 1024,
  ) {}

  take(key: string, limit: number, now = Date.now()): void {
    const since = now - this.windowMs;
    let entry = this.log.get(key);
    if (!entry) {
      entry = { times: [], head: 0 };
      this.log.set(key, entry);
    }
    const { times } = entry;
    while (entry.head < times.length && (times[entry.head] as number) <= since) entry.head++;
    // Times that left the window are dropped in bulk, once they are half of the log: removing
    // them one by one from the front moved the whole log on every request (a busy token's log
    // holds every request of the window, 0.6 ms a request at 1.5 million).
    if (entry.head >= this.dropAfter && entry.head * 2 >= times.length) {
      times.splice(0, entry.head);
      entry.head = 0;
    }
    if (times.length - entry.head >= limit) {
      const oldest = times[entry.head] ?? now;
      const retryAfter = Math.max(1, Math.ceil((oldest - since) / 1000));
      throw new SparkError(
        429,
        SparkCode.RateLimited,
        `Rate limit exceeded: at most ${limit} requests per ${this.windowMs / 1000} s.`,
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    times.push(now);
    if (++this.checks % 10_000 === 0) this.forgetIdle(since);
  }

  private forgetIdle(since: number): void {
    for (const [key, { times }] of this.log) {
      if ((times.at(-1) ?? 0) <= since) this.log.delete(key);
    }
  }
}
