/**
 * Runs `run` once the browser has nothing else to do (or after 2 s at the latest); returns a
 * cancel, so that an effect can clean up with it.
 */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}
