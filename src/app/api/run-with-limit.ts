export type Settled<T, R> =
  { item: T; ok: true; value: R } | { item: T; ok: false; error: unknown };

/** Runs `task` over the items, at most `limit` at a time; every item settles, none is skipped. */
export async function runWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onSettled?: (done: number) => void,
): Promise<Settled<T, R>[]> {
  const results: Settled<T, R>[] = new Array<Settled<T, R>>(items.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = { item, ok: true, value: await task(item) };
      } catch (error) {
        results[index] = { item, ok: false, error };
      }
      done += 1;
      onSettled?.(done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
