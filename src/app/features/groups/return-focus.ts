/**
 * Where keyboard focus goes when the list shows again after a circle was opened from it (Back,
 * or the breadcrumb): the link of the row it was opened from. One tab, one list: a module value.
 */
let opened: string | null = null;

/** A row's link was followed to its circle. */
export function rememberOpenedRow(groupId: string) {
  opened = groupId;
}

const forget = () => {
  opened = null;
};

/**
 * For a row's link as it mounts: focus it if its circle was the one opened. The list may draw its
 * rows more than once as it settles (cached rows, then fresh ones), so this holds until the user
 * next presses a key or points somewhere.
 */
export function focusIfOpened(groupId: string, link: HTMLElement | null) {
  if (!link || opened !== groupId) return;
  if (document.activeElement !== link) link.focus();
  document.addEventListener('keydown', forget, { once: true, capture: true });
  document.addEventListener('pointerdown', forget, { once: true, capture: true });
}
