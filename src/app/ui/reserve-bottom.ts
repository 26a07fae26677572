import { useCallback } from 'react';

/**
 * A ref for a bar stuck to the bottom of the screen: while it is shown the page's scroll padding
 * keeps whatever is focused or scrolled to above it, so it never hides a row (WCAG 2.4.11).
 */
export function useReserveBottom() {
  return useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const root = document.documentElement;
    const reserve = () => {
      root.style.scrollPaddingBottom = `${Math.ceil(element.getBoundingClientRect().height)}px`;
    };
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('scroll-padding-bottom');
    };
  }, []);
}
