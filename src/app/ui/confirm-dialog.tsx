import { Suspense, useEffect, useState } from 'react';
import { useFocusReturn } from '@mantine/hooks';
import { lazyWithPreload } from 'react-lazy-with-preload';
import type { ConfirmDialogProps } from './confirm-modal.js';
import { whenIdle } from './when-idle.js';

// Mantine's Modal (the `overlays` chunk, ~19 KiB) is not on the path to a page's first render:
// it loads once the page is idle, or when the dialog is first opened, whichever comes first.
const ConfirmModal = lazyWithPreload(() =>
  import('./confirm-modal.js').then((m) => ({ default: m.ConfirmModal })),
);

/** A destructive action's "are you sure?"; focus goes back to the button that opened it. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  // Once opened it stays mounted, so that closing plays out and hands focus back.
  const [used, setUsed] = useState(props.opened);
  if (props.opened && !used) setUsed(true);
  useEffect(() => whenIdle(() => void ConfirmModal.preload()), []);
  // Mounted from the start, it notes what had focus as the dialog opens and hands it back after.
  useFocusReturn({ opened: props.opened });
  if (!used) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmModal {...props} />
    </Suspense>
  );
}
