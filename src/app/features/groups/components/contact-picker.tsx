import { useState } from 'react';
import { Checkbox, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ErrorPanel } from '../../../ui/error-panel.js';
import { usePortalContacts } from '../api/owner-candidates.js';
import type { PortalContact } from '../api/owner-candidates.js';

const DEBOUNCE_MS = 250;

function contactLabel(contact: PortalContact) {
  return contact.PrimaryEmail
    ? `${contact.DisplayName} (${contact.PrimaryEmail})`
    : contact.DisplayName;
}

interface ContactSearchProps {
  label: string;
  children: (contacts: PortalContact[]) => React.ReactNode;
}

/** A search box over contacts with a portal account, results rendered by the caller. */
function ContactSearch({ label, children }: ContactSearchProps) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const contacts = usePortalContacts(q);
  return (
    <Stack gap="xs">
      <TextInput
        label={label}
        type="search"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        rightSection={contacts.isFetching ? <Loader size="xs" aria-hidden="true" /> : null}
      />
      {contacts.isError && (
        <ErrorPanel
          title="Could not load contacts"
          error={contacts.error}
          onRetry={() => void contacts.refetch()}
        />
      )}
      {contacts.data && contacts.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No contacts with a portal account match.
        </Text>
      )}
      {contacts.data && contacts.data.length > 0 && children(contacts.data)}
    </Stack>
  );
}

interface OwnerPickerProps {
  value: PortalContact | null;
  onChange: (contact: PortalContact) => void;
}

/** The owner: a contact with a portal account that owns no group yet. */
export function OwnerPicker({ value, onChange }: OwnerPickerProps) {
  return (
    <ContactSearch label="Search owner">
      {(contacts) => (
        <Radio.Group
          label="Owner"
          value={value?.Id ?? null}
          onChange={(id) => {
            const contact = contacts.find((candidate) => candidate.Id === id);
            if (contact) onChange(contact);
          }}
        >
          <Stack gap={6} mt="xs">
            {contacts.map((contact) => (
              <Radio
                key={contact.Id}
                value={contact.Id}
                disabled={contact.ownsGroup}
                label={contactLabel(contact)}
                description={contact.ownsGroup ? 'Already owns a group' : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </ContactSearch>
  );
}

interface MembersPickerProps {
  ownerId: string | undefined;
  value: PortalContact[];
  onChange: (contacts: PortalContact[]) => void;
}

/** Optional members besides the owner. */
export function MembersPicker({ ownerId, value, onChange }: MembersPickerProps) {
  const chosen = new Set(value.map((contact) => contact.Id));
  return (
    <ContactSearch label="Search members">
      {(contacts) => (
        <Checkbox.Group
          label="Members"
          value={[...chosen]}
          onChange={(ids) => {
            const known = new Map([...value, ...contacts].map((contact) => [contact.Id, contact]));
            onChange(ids.flatMap((id) => known.get(id) ?? []));
          }}
        >
          <Stack gap={6} mt="xs">
            {contacts
              .filter((contact) => contact.Id !== ownerId)
              .map((contact) => (
                <Checkbox key={contact.Id} value={contact.Id} label={contactLabel(contact)} />
              ))}
          </Stack>
        </Checkbox.Group>
      )}
    </ContactSearch>
  );
}
