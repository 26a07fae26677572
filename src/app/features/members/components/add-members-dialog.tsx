import { useState } from 'react';
import { Box, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { useContactSearch } from '../../../data/search-contacts.js';
import { ContactResults } from './contact-results.js';
import { PickedContacts } from './picked-contacts.js';
import { usePickedContacts } from './use-picked-contacts.js';

interface Props {
  group: PortalGroup;
  opened: boolean;
  onClose: () => void;
  onAdd: (users: PortalGroupUser[]) => void;
}

export default function AddMembersDialog({ group, opened, onClose, onAdd }: Props) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const picked = usePickedContacts();
  const fullScreen = useMediaQuery('(max-width: 36em)');
  const contacts = useContactSearch(debouncedSearch);
  const memberIds = new Set(group.Users.map((user) => user.Id));
  const count = picked.users.length;

  const close = () => {
    setSearch('');
    picked.clear();
    onClose();
  };

  const confirm = () => {
    if (count === 0) return;
    onAdd(picked.users);
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title="Add members" size="lg" fullScreen={fullScreen}>
      <Stack gap="sm">
        <TextInput
          label="Search contacts"
          placeholder="Name or e-mail"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
        />
        <ContactResults
          contacts={contacts}
          memberIds={memberIds}
          picked={picked.byId}
          onToggle={picked.toggle}
          onAccountCreated={picked.pick}
        />
        {/* Stays in view while the results scroll, also full screen on a phone. */}
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ zIndex: 1, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Stack gap="xs">
            <PickedContacts users={picked.users} onUnpick={picked.unpick} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={confirm} disabled={count === 0}>
                {count > 0 ? `Add (${count})` : 'Add'}
              </Button>
            </Group>
          </Stack>
        </Box>
      </Stack>
    </Modal>
  );
}
