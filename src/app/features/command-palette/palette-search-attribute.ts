/** Marks the palette's search box, so the launcher knows when typing reaches it. */
export const PALETTE_SEARCH_ATTRIBUTE = 'data-palette-search';
