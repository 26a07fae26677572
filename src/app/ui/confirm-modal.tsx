import type { ReactNode } from 'react';
import { Button, getDefaultZIndex, Group, Modal, Stack } from '@mantine/core';

export interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

/** The dialog of `ConfirmDialog`, in the `overlays` chunk with Mantine's Modal. */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
}: ConfirmDialogProps) {
  return (
    // Above the dialog it may be asked from (the contact panel's Turn portal off), not under it.
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      zIndex={getDefaultZIndex('modal') + 1}
      // `ConfirmDialog` hands focus back: this may mount already open (loaded on first use).
      returnFocus={false}
    >
      <Stack gap="md">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
