import { describe, expect, it } from 'vitest';
import { runWithLimit } from './run-with-limit.js';

describe('runWithLimit', () => {
  it('never runs more than the limit at once, settles every item and keeps their order', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const results = await runWithLimit(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      async (n) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        if (n % 3 === 0) throw new Error(`no ${n}`);
        return n * 10;
      },
      (done) => progress.push(done),
    );
    expect(peak).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.map((r) => r.item)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.filter((r) => !r.ok).map((r) => r.item)).toEqual([3, 6]);
    expect(results[0]).toEqual({ item: 1, ok: true, value: 10 });
  });

  it('does nothing for no items', async () => {
    expect(await runWithLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
