import { useEffect, useRef, useState } from 'react';

const buttonsIn = (container: HTMLElement | null, attribute: string) => [
  ...(container?.querySelectorAll<HTMLElement>(`[${attribute}]`) ?? []),
];

/**
 * Where focus goes around a list's Remove buttons (each marked with `attribute`, its value the
 * row's key): after Remove, to the next row's Remove (the previous one's for the last row), else
 * the heading; after Undo, to the restored row's Remove once `rows` shows it again.
 */
export function useRemoveFocus(attribute: string, rows: unknown) {
  const containerRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const focusAfterRemove = (key: string) => {
    const all = buttonsIn(containerRef.current, attribute);
    const at = all.findIndex((button) => button.getAttribute(attribute) === key);
    const next = at < 0 ? undefined : (all[at + 1] ?? all[at - 1]);
    (next ?? headingRef.current)?.focus();
  };
  useEffect(() => {
    if (!restored) return;
    const button = buttonsIn(containerRef.current, attribute).find(
      (candidate) => candidate.getAttribute(attribute) === restored,
    );
    if (!button) return;
    button.focus();
    setRestored(null);
  }, [restored, rows, attribute]);
  return { containerRef, headingRef, focusAfterRemove, focusWhenBack: setRestored };
}
