import { Button, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useNavigate } from 'react-router-dom';
import { useDeleteGroup } from '../api/delete-group.js';

/** Asks for confirmation, deletes, then returns to the list. */
export function DeleteGroupButton({ groupId, name }: { groupId: string; name: string }) {
  const deleteGroup = useDeleteGroup(groupId);
  const navigate = useNavigate();
  const confirm = () =>
    modals.openConfirmModal({
      title: 'Delete this group?',
      children: (
        <Text size="sm">
          The group of {name} will be removed. Its members and their portal accounts stay as they
          are.
        </Text>
      ),
      labels: { confirm: 'Delete group', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => deleteGroup.mutate(undefined, { onSuccess: () => void navigate('/groups') }),
    });
  return (
    <Button color="red" variant="outline" loading={deleteGroup.isPending} onClick={confirm}>
      Delete group
    </Button>
  );
}
