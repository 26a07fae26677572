import { useEffect } from 'react';
import { whenIdle } from './when-idle.js';

/** The pages whose code a link may load ahead, on intent. */
export type PageName = 'groups' | 'group' | 'newGroup';

let loaders: Partial<Record<PageName, () => Promise<unknown>>> = {};

/** The routes hand over how each page's code loads (features do not import the routes). */
export function registerPageCode(pages: Record<PageName, () => Promise<unknown>>) {
  loaders = pages;
}

/** Starts loading a page's code (a link to it is about to be used); the router reuses it. */
export function preloadPageCode(page: PageName) {
  void loaders[page]?.();
}

/**
 * Loads a page's code once the browser is idle after `ready` (the circle's page, which a visit to
 * the list opens next more often than not: a few KiB, so opening one does not wait for the network).
 */
export function usePageCodeWhenIdle(page: PageName, ready: boolean) {
  useEffect(() => (ready ? whenIdle(() => preloadPageCode(page)) : undefined), [page, ready]);
}
