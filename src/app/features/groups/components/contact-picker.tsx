import { useId, useState } from 'react';
import { Checkbox, Group, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Contact } from '../../../../shared/contacts.js';
import { usePortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { ErrorPanel } from '../../../ui/error-panel.js';
import { CreatePortalAccountButton } from '../../members/components/create-portal-account-button.js';
import { PortalAccountBadge } from '../../members/components/portal-account-badge.js';
import { NO_INVITATION_NOTE } from '../../members/portal-invitation.js';
import { useContactsWithoutPortal, usePortalContacts } from '../api/owner-candidates.js';
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
  /** A portal account was just created for a contact the list left out. */
  onAccountCreated?: (contact: PortalContact) => void;
}

/** One contact the list leaves out: its portal state, and "Create portal account" when it has none. */
function NotListedContact({
  contact,
  onCreated,
}: {
  contact: Contact;
  onCreated?: (contact: PortalContact) => void;
}) {
  const status = usePortalAccountStatus(contact, { enabled: true });
  const nameId = useId();
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" id={nameId} style={{ overflowWrap: 'anywhere' }}>
        {contact.DisplayName}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <PortalAccountBadge status={status} />
        {status === 'none' && (
          <CreatePortalAccountButton
            contact={contact}
            describedBy={nameId}
            onCreated={() => onCreated?.({ ...contact, VowEnabled: true, ownsGroup: false })}
          />
        )}
      </Group>
    </Group>
  );
}

/** "25 of 130 — type to narrow; 12 contacts without a portal account are not listed." */
function whatIsListed(shown: number, total: number, notListed: number | undefined) {
  const listed =
    shown < total
      ? `${shown} of ${total} — type to narrow`
      : `${total} ${total === 1 ? 'contact' : 'contacts'} with a portal account`;
  if (notListed === undefined) return `${listed}.`;
  if (notListed === 0) return `${listed}; every matching contact has a portal account.`;
  return `${listed}; ${notListed} ${notListed === 1 ? 'contact' : 'contacts'} without a portal account (or with it turned off) ${notListed === 1 ? 'is' : 'are'} not listed.`;
}

/**
 * A search box over contacts with a portal account, results rendered by the caller; says how
 * many match and what it leaves out, and, once something is typed, names the first left-out
 * contacts so one without an account can get one here.
 */
function ContactSearch({ label, children, onAccountCreated }: ContactSearchProps) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const contacts = usePortalContacts(q);
  const without = useContactsWithoutPortal(q);
  const data = contacts.data;
  const notListed = without.data && q ? without.data.contacts : [];
  const notListedId = useId();
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
      {data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {data.contacts.length === 0
            ? 'No contacts with a portal account match.'
            : whatIsListed(data.contacts.length, data.total, without.data?.total)}
        </Text>
      )}
      {data && data.contacts.length > 0 && children(data.contacts)}
      {notListed.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600} id={notListedId}>
            Not listed: no portal account, or turned off
          </Text>
          <Stack
            component="ul"
            gap={6}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-labelledby={notListedId}
          >
            {notListed.map((contact) => (
              <NotListedContact key={contact.Id} contact={contact} onCreated={onAccountCreated} />
            ))}
          </Stack>
          <Text size="xs" c="dimmed">
            {NO_INVITATION_NOTE}
          </Text>
        </Stack>
      )}
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
    // A contact who just got a portal account is the owner the user meant.
    <ContactSearch label="Search owner" onAccountCreated={onChange}>
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
