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
