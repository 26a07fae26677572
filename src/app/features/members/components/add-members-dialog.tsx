import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Group,
  Loader,
  Modal,
  Pill,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { errorMessage } from '../../../api/error-message.js';
import type { Contact } from '../../../../shared/contacts.js';
import { useContactSearch } from '../../../data/search-contacts.js';
import type { PortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { contactAsMember } from '../contact-as-member.js';
import { ContactOption } from './contact-option.js';

interface Props {
  group: PortalGroup;
  opened: boolean;
  onClose: () => void;
  onAdd: (users: PortalGroupUser[]) => void;
}

export default function AddMembersDialog({ group, opened, onClose, onAdd }: Props) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [picked, setPicked] = useState<ReadonlyMap<string, PortalGroupUser>>(new Map());
  const fullScreen = useMediaQuery('(max-width: 36em)');
  const contacts = useContactSearch(debouncedSearch);
  const memberIds = new Set(group.Users.map((user) => user.Id));

  const close = () => {
    setSearch('');
    setPicked(new Map());
    onClose();
  };

  const toggle = (contact: Contact, status: PortalAccountStatus) =>
    setPicked((current) => {
      const next = new Map(current);
      if (next.has(contact.Id)) next.delete(contact.Id);
      else next.set(contact.Id, contactAsMember(contact, status !== 'disabled'));
      return next;
    });
  const pick = (contact: Contact) =>
    setPicked((current) => new Map(current).set(contact.Id, contactAsMember(contact, true)));
  const unpick = (id: string) =>
    setPicked((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  const portalOff = [...picked.values()].filter((user) => !user.Enabled);

  const confirm = () => {
    if (picked.size === 0) return;
    onAdd([...picked.values()]);
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
          picked={picked}
          onToggle={toggle}
          onAccountCreated={pick}
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
            {portalOff.length > 0 && (
              <Alert color="yellow" variant="light" p="xs" title="Portal off">
                <Text fz="sm">
                  {portalOff.map((user) => user.Name).join(', ')}{' '}
                  {portalOff.length === 1 ? 'has the portal' : 'have the portal'} turned off: they
                  will be in the group but cannot sign in until it is turned on.
                </Text>
              </Alert>
            )}
            {picked.size > 0 && (
              <Pill.Group role="list" aria-label="Picked contacts">
                {[...picked.values()].map((user) => (
                  <Pill
                    key={user.Id}
                    role="listitem"
                    withRemoveButton
                    onRemove={() => unpick(user.Id)}
                    // Mantine hides the remove button from keyboards and screen readers by default.
                    removeButtonProps={{
                      'aria-label': `Unpick ${user.Name}`,
                      'aria-hidden': false,
                      tabIndex: 0,
                    }}
                  >
                    {user.Name}
                  </Pill>
                ))}
              </Pill.Group>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={confirm} disabled={picked.size === 0}>
                {picked.size > 0 ? `Add (${picked.size})` : 'Add'}
              </Button>
            </Group>
          </Stack>
        </Box>
      </Stack>
    </Modal>
  );
}

interface ResultsProps {
  contacts: ReturnType<typeof useContactSearch>;
  memberIds: Set<string>;
  picked: ReadonlyMap<string, PortalGroupUser>;
  onToggle: (contact: Contact, status: PortalAccountStatus) => void;
  onAccountCreated: (contact: Contact) => void;
}

function ContactResults({ contacts, memberIds, picked, onToggle, onAccountCreated }: ResultsProps) {
  if (contacts.isPending) {
    return (
      <Group gap="xs" role="status" py="md">
        <Loader size="sm" />
        <Text fz="sm">Loading contacts…</Text>
      </Group>
    );
  }
  if (contacts.isError) {
    return (
      <Alert color="red" title="Contacts could not be loaded">
        <Stack gap="xs" align="flex-start">
          <Text fz="sm">{errorMessage(contacts.error)}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void contacts.refetch()}>
            Retry
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (contacts.data.length === 0) {
    return (
      <Text role="status" py="md">
        No contacts match
      </Text>
    );
  }
  return (
    <Stack
      component="ul"
      gap={0}
      aria-label="Contacts"
      aria-busy={contacts.isFetching}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {contacts.data.map((contact) => (
        <ContactOption
          key={contact.Id}
          contact={contact}
          inGroup={memberIds.has(contact.Id)}
          checked={picked.has(contact.Id)}
          onToggle={onToggle}
          onAccountCreated={onAccountCreated}
        />
      ))}
    </Stack>
  );
}
