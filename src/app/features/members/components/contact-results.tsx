import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { Contact } from '../../../../shared/contacts.js';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { errorMessage } from '../../../api/error-message.js';
import type { useContactSearch } from '../../../data/search-contacts.js';
import type { PortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { ContactOption } from './contact-option.js';

interface Props {
  contacts: ReturnType<typeof useContactSearch>;
  memberIds: Set<string>;
  picked: ReadonlyMap<string, PortalGroupUser>;
  onToggle: (contact: Contact, status: PortalAccountStatus) => void;
  onAccountCreated: (contact: Contact) => void;
}

/** The contacts the search finds, each one to pick; or loading, failure and no match. */
export function ContactResults({ contacts, memberIds, picked, onToggle, onAccountCreated }: Props) {
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
