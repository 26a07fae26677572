import { useId } from 'react';
import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import type { Contact } from '../../../../shared/contacts.js';
import { usePortalAccountStatus } from '../../../data/use-portal-account-status.js';
import type { PortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { CreatePortalAccountButton } from './create-portal-account-button.js';
import { PortalAccountBadge } from './portal-account-badge.js';

interface Props {
  contact: Contact;
  inGroup: boolean;
  checked: boolean;
  onToggle: (contact: Contact, status: PortalAccountStatus) => void;
  /** A portal account was just created for the contact: pick them. */
  onAccountCreated: (contact: Contact) => void;
}

export function ContactOption({ contact, inGroup, checked, onToggle, onAccountCreated }: Props) {
  const status = usePortalAccountStatus(contact, { enabled: !inGroup });
  const nameId = useId();
  const email = contact.PrimaryEmail;
  const pickable = !inGroup && status !== 'none' && status !== 'checking';
  return (
    // One line per contact, its badge beside it even on a phone, so a badge never looks like the next one's.
    <Group component="li" justify="space-between" wrap="nowrap" align="flex-start" gap="xs" py={6}>
      <Checkbox
        style={{ flex: 1, minWidth: 0 }}
        label={<span id={nameId}>{contact.DisplayName}</span>}
        description={
          <Text span fz="xs" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
            {email ? (
              // A narrow screen breaks the address before its @ rather than mid-word.
              <>
                {email.slice(0, email.indexOf('@'))}
                <wbr />
                {email.slice(email.indexOf('@'))}
              </>
            ) : (
              'No e-mail'
            )}
          </Text>
        }
        checked={inGroup || checked}
        disabled={!pickable}
        onChange={() => onToggle(contact, status)}
      />
      <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
        {inGroup ? (
          <Badge variant="outline" color="gray">
            In group
          </Badge>
        ) : (
          <PortalAccountBadge status={status} />
        )}
        {!inGroup && status === 'none' && (
          <CreatePortalAccountButton
            contact={contact}
            describedBy={nameId}
            onCreated={() => onAccountCreated(contact)}
          />
        )}
      </Stack>
    </Group>
  );
}
