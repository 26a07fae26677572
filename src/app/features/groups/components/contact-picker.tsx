import { useId, useState } from 'react';
import type { ComponentType } from 'react';
import { Checkbox, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Contact } from '../../../../shared/contacts.js';
import { ErrorPanel } from '../../../ui/error-panel.js';
import { NO_INVITATION_NOTE } from '../../../data/portal-invitation.js';
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
  /** How a left-out contact shows (its portal state, "Create portal account"); given by the page. */
  NotListed?: NotListedItem;
}

/** A contact the pickers leave out, drawn by the page (it owns the contact features). */
export type NotListedItem = ComponentType<{
  contact: Contact;
  onCreated?: (contact: Contact) => void;
}>;

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
function ContactSearch({ label, children, onAccountCreated, NotListed }: ContactSearchProps) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const contacts = usePortalContacts(q);
  const without = useContactsWithoutPortal(q);
  const data = contacts.data;
  const notListed = without.data && q && NotListed ? without.data.contacts : [];
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
            {notListed.map(
              (contact) =>
                NotListed && (
                  <NotListed
                    key={contact.Id}
                    contact={contact}
                    onCreated={(created) => onAccountCreated?.({ ...created, ownsGroup: false })}
                  />
                ),
            )}
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
  NotListed?: NotListedItem;
}

/** The owner: a contact with a portal account that owns no group yet. */
export function OwnerPicker({ value, onChange, NotListed }: OwnerPickerProps) {
  return (
    // A contact who just got a portal account is the owner the user meant.
    <ContactSearch label="Search owner" onAccountCreated={onChange} NotListed={NotListed}>
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
  NotListed?: NotListedItem;
}

/** Optional members besides the owner. */
export function MembersPicker({ ownerId, value, onChange, NotListed }: MembersPickerProps) {
  const chosen = new Set(value.map((contact) => contact.Id));
  return (
    <ContactSearch label="Search members" NotListed={NotListed}>
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
