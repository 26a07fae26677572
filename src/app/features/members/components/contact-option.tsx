import { useId } from 'react';
import { Badge, Checkbox, Group, Text } from '@mantine/core';
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
  const pickable = !inGroup && status !== 'none' && status !== 'checking';
  return (
    <Group component="li" justify="space-between" wrap="wrap" gap="xs" py={6}>
      <Checkbox
        label={<span id={nameId}>{contact.DisplayName}</span>}
        description={
          <Text span fz="xs" c="var(--mantine-color-text)">
            {contact.PrimaryEmail ?? 'No e-mail'}
          </Text>
        }
        checked={inGroup || checked}
        disabled={!pickable}
        onChange={() => onToggle(contact, status)}
      />
      <Group gap="xs" wrap="nowrap">
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
      </Group>
    </Group>
  );
}
