import type { RefObject } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { shortcutsAllowed } from './is-typing-target.js';
import classes from './row-navigation.module.css';

/** The class that highlights the row holding focus. */
export const rowNavigationClass = classes.rows;

function moveFocus(container: HTMLElement | null, step: 1 | -1) {
  if (!container) return;
  const rows = Array.from(container.querySelectorAll<HTMLElement>('tbody tr, ul > li')).filter(
    (row) => row.querySelector('a[href]'),
  );
  if (rows.length === 0) return;
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  const next =
    current === -1
      ? step === 1
        ? 0
        : rows.length - 1
      : Math.min(Math.max(current + step, 0), rows.length - 1);
  rows[next]?.querySelector<HTMLAnchorElement>('a[href]')?.focus();
}

/** `j`/`k` move focus to the next/previous row's link, so `Enter` opens it. */
export function useRowNavigation(container: RefObject<HTMLElement | null>) {
  useHotkeys(
    [
      [
        'j',
        (event) => shortcutsAllowed(event) && moveFocus(container.current, 1),
        { preventDefault: false },
      ],
      [
        'k',
        (event) => shortcutsAllowed(event) && moveFocus(container.current, -1),
        { preventDefault: false },
      ],
    ],
    [],
  );
}
