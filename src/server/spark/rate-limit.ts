import { SparkCode } from '../../shared/spark-codes.js';
import { SparkError } from './errors.js';

/**
 * Requests per access token over a rolling window: a log of request times per token. A refused
 * request is not counted, so a client that waits `Retry-After` gets through.
 */
export class RollingRateLimit {
  private readonly log = new Map<string, number[]>();
  private checks = 0;

  constructor(private readonly windowMs: number) {}

  take(key: string, limit: number, now = Date.now()): void {
    const since = now - this.windowMs;
    const times = this.log.get(key) ?? [];
    const live = times.findIndex((time) => time > since);
    const expired = live === -1 ? times.length : live;
    if (expired) times.splice(0, expired);
    const [oldest = now] = times;
    if (times.length >= limit) {
      const retryAfter = Math.max(1, Math.ceil((oldest - since) / 1000));
      throw new SparkError(
        429,
        SparkCode.RateLimited,
        `Rate limit exceeded: at most ${limit} requests per ${this.windowMs / 1000} s.`,
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    times.push(now);
    this.log.set(key, times);
    if (++this.checks % 10_000 === 0) this.forgetIdle(since);
  }

  private forgetIdle(since: number): void {
    for (const [key, times] of this.log) {
      if ((times.at(-1) ?? 0) <= since) this.log.delete(key);
    }
  }
}
