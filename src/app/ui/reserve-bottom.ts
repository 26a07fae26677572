import { useCallback } from 'react';

/** The height of a page's bar stuck to the bottom (the bulk bar), as a CSS variable on the page. */
export const BAR_ROOM = '--pga-bar-room';
/** The height of the toast shown at the bottom of the screen (see ToastDock). */
export const TOAST_ROOM = '--pga-toast-room';

/** The page's scroll padding: whatever is focused or scrolled to stays above the bar and toast. */
const SCROLL_PADDING = `calc(var(${BAR_ROOM}, 0px) + var(${TOAST_ROOM}, 0px))`;

/**
 * A ref for something stuck to the bottom of the screen: while it is shown its height is kept in
 * `variable`, and the page's scroll padding keeps whatever is focused or scrolled to above it, so
 * it never hides a row (WCAG 2.4.11).
 */
export function useReserveBottom(variable: typeof BAR_ROOM | typeof TOAST_ROOM = BAR_ROOM) {
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      const root = document.documentElement;
      let reserved: number | undefined;
      // Measured when the observer reports (its first report comes once the element is laid out),
      // not as it mounts: measuring then forced a layout of the page before its first paint, and
      // each change to the root's style restyles the whole page, so an unchanged height is kept.
      const observer = new ResizeObserver(() => {
        const height = Math.ceil(element.getBoundingClientRect().height);
        if (height === reserved) return;
        reserved = height;
        root.style.setProperty(variable, `${height}px`);
        root.style.scrollPaddingBottom = SCROLL_PADDING;
      });
      observer.observe(element);
      return () => {
        observer.disconnect();
        root.style.removeProperty(variable);
      };
    },
    [variable],
  );
}
