import { lazy, Suspense, useState } from 'react';
import { shortcutsAllowed } from '../is-typing-target.js';
import { useKeydown } from '../../../ui/use-keydown.js';

const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog.js').then((m) => ({ default: m.ShortcutsDialog })),
);

interface GlobalShortcutsProps {
  opened: boolean;
  onOpenChange: (opened: boolean) => void;
  /** `/` on a page with no search box. */
  onNoSearchBox: () => void;
}

/** `?` lists the shortcuts; `/` focuses the page's search box; Esc leaves that box. */
export function GlobalShortcuts({ opened, onOpenChange, onNoSearchBox }: GlobalShortcutsProps) {
  const [loaded, setLoaded] = useState(false);
  const open = (event: KeyboardEvent) => {
    event.preventDefault();
    setLoaded(true);
    onOpenChange(true);
  };
  useKeydown((event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'search') {
        event.preventDefault();
        target.blur();
      }
      return;
    }
    if (!shortcutsAllowed(event)) return;
    if (event.key === '?') open(event);
    if (event.key === '/') {
      event.preventDefault();
      const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
      if (search) search.focus();
      else onNoSearchBox();
    }
  });
  if (!loaded && !opened) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog opened={opened} onClose={() => onOpenChange(false)} />
    </Suspense>
  );
}
