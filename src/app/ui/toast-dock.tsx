import { useEffect, useState } from 'react';
import { Box, Button, Group, Notification, Text } from '@mantine/core';
import { TOAST_ROOM, useReserveBottom } from './reserve-bottom.js';
import { hideToast, useToast, type ToastTone } from './toast-store.js';

const COLORS: Record<ToastTone, string> = { success: 'green', error: 'red', warning: 'yellow' };

/**
 * The one toast shown, fixed at the bottom of the screen. Its height is kept free at the page's
 * end and below a page's bar (the bulk dock sits on it), and the scroll padding keeps focus above
 * it, so it never lies over the last rows or the bar's buttons.
 */
export function ToastDock() {
  const toast = useToast();
  // The toast pointed at or focused: its time does not run (a newer toast's does).
  const [pausedKey, setPausedKey] = useState<number | null>(null);
  const paused = toast !== null && pausedKey === toast.key;
  const room = useReserveBottom(TOAST_ROOM);

  useEffect(() => {
    if (!toast || toast.autoClose === false || paused) return;
    const timer = setTimeout(() => hideToast(toast.key), toast.autoClose);
    return () => clearTimeout(timer);
  }, [toast, paused]);

  const notice = toast && (
    <Notification
      key={toast.key}
      data-toast
      // The live region around it announces it (Mantine would make each an alert).
      role="presentation"
      color={COLORS[toast.tone]}
      title={toast.title}
      withBorder
      closeButtonProps={{ 'aria-label': 'Dismiss' }}
      onClose={() => hideToast(toast.key)}
      onMouseEnter={() => setPausedKey(toast.key)}
      onMouseLeave={() => setPausedKey(null)}
      onFocus={() => setPausedKey(toast.key)}
      onBlur={() => setPausedKey(null)}
      style={{ pointerEvents: 'auto' }}
      maw={560}
      ml="auto"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="sm" lineClamp={3} title={toast.message}>
          {toast.message}
        </Text>
        {toast.undo && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              hideToast(toast.key);
              toast.undo?.run();
            }}
          >
            Undo
          </Button>
        )}
      </Group>
    </Notification>
  );

  return (
    // Empty, it is 0 px high and takes no room.
    <Box
      ref={room}
      pos="fixed"
      bottom={0}
      left={0}
      right={0}
      style={{ zIndex: 'var(--mantine-z-index-max)', pointerEvents: 'none' }}
    >
      {/* Announced without moving focus; a failure interrupts. */}
      <div role="status">{toast?.tone !== 'error' && notice && <Box p="xs">{notice}</Box>}</div>
      {toast?.tone === 'error' && notice && (
        <Box role="alert" p="xs">
          {notice}
        </Box>
      )}
    </Box>
  );
}
