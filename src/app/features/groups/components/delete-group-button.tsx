import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../../ui/confirm-dialog.js';
import { useDeleteGroup } from '../../../data/delete-group.js';

interface Props {
  groupId: string;
  name: string;
  /** Where to go once deleted: the list as it was when the group was opened. */
  listPath: string;
}

/** Asks for confirmation, deletes, then returns to the list. */
export function DeleteGroupButton({ groupId, name, listPath }: Props) {
  const deleteGroup = useDeleteGroup(groupId);
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="outline" loading={deleteGroup.isPending} onClick={open}>
        Delete group
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={close}
        title="Delete this group?"
        confirmLabel="Delete group"
        onConfirm={() =>
          deleteGroup.mutate(undefined, { onSuccess: () => void navigate(listPath) })
        }
      >
        <Text size="sm">
          The group of {name} will be removed. Its members and their portal accounts stay as they
          are.
        </Text>
      </ConfirmDialog>
    </>
  );
}
