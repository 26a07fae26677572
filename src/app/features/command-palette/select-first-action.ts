import type { SpotlightStore } from '@mantine/spotlight';

/** Marks the list's first action as the one Enter triggers (Spotlight does this only on typing). */
export function selectFirstAction(store: SpotlightStore) {
  const { listId } = store.getState();
  const list = listId ? document.getElementById(listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: 0 }));
}
