import { useEffect, useRef } from 'react';

/** How long a mouse pointer rests on a link before it counts: a wheel scrolling past does not. */
export const HOVER_INTENT_MS = 80;

/**
 * Event props for a link or button that run `onIntent` when the user is about to use it: the
 * mouse pointer resting on it, a finger touching it, a button pressed on it (a quick click gives
 * no time to rest), or keyboard focus. Cheap to spread on every row (one ref, one effect); what
 * `onIntent` starts should be idempotent (it may run more than once).
 */
export function useIntent(onIntent: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const now = () => {
    clearTimeout(timer.current);
    onIntent();
  };
  return {
    onMouseEnter: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(now, HOVER_INTENT_MS);
    },
    onMouseLeave: () => clearTimeout(timer.current),
    onTouchStart: now,
    onMouseDown: now,
    onFocus: now,
  };
}
