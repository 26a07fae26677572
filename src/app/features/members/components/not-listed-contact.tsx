import { lazy, Suspense, useId, useRef, useState } from 'react';
import { Anchor, Group } from '@mantine/core';
import type { Contact } from '../../../../shared/contacts.js';
import { usePortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { CreatePortalAccountButton } from './create-portal-account-button.js';
import { PortalAccountBadge } from './portal-account-badge.js';

const ContactPanel = lazy(() => import('./contact-panel.js'));

/** One contact the list leaves out: its portal state, and "Create portal account" when it has none. */
export function NotListedContact({
  contact,
  onCreated,
}: {
  contact: Contact;
  onCreated?: (contact: Contact) => void;
}) {
  const status = usePortalAccountStatus(contact, { enabled: true });
  const nameId = useId();
  const [panel, setPanel] = useState<'closed' | 'opened' | 'closing'>('closed');
  const nameButton = useRef<HTMLButtonElement>(null);
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap">
      {/* The name opens the contact's panel: e-mail, phones, portal account. */}
      <Anchor
        ref={nameButton}
        component="button"
        type="button"
        size="sm"
        ta="left"
        id={nameId}
        aria-haspopup="dialog"
        onClick={() => setPanel('opened')}
        style={{ overflowWrap: 'anywhere' }}
      >
        {contact.DisplayName}
      </Anchor>
      {panel !== 'closed' && (
        <Suspense fallback={null}>
          <ContactPanel
            contact={{ Id: contact.Id, Name: contact.DisplayName }}
            opened={panel === 'opened'}
            onClose={() => {
              setPanel('closing');
              // The lazy panel mounts open, so Mantine does not return focus on the first close.
              requestAnimationFrame(() => nameButton.current?.focus());
            }}
          />
        </Suspense>
      )}
      <Group gap="xs" wrap="nowrap">
        <PortalAccountBadge status={status} />
        {status === 'none' && (
          <CreatePortalAccountButton
            contact={contact}
            describedBy={nameId}
            onCreated={() => onCreated?.({ ...contact, VowEnabled: true })}
          />
        )}
      </Group>
    </Group>
  );
}
