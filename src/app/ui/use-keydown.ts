import { useEffect, useRef } from 'react';

/** Listens to every keydown on the page (a few lines instead of a hotkey library in the entry). */
export function useKeydown(handler: (event: KeyboardEvent) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    document.documentElement.addEventListener('keydown', listener);
    return () => document.documentElement.removeEventListener('keydown', listener);
  }, []);
}
