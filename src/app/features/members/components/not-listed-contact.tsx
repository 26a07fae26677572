import { createContext, lazy, Suspense, useContext, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Anchor, Group } from '@mantine/core';
import type { Contact } from '../../../../shared/contacts.js';
import { usePortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { CreatePortalAccountButton } from './create-portal-account-button.js';
import { PortalAccountBadge } from './portal-account-badge.js';

const ContactPanel = lazy(() => import('./contact-panel.js'));

interface PanelRequest {
  contact: Contact;
  /** What had focus when it opened, to return to on close while it is still there. */
  from: HTMLElement | null;
  onCreated?: (contact: Contact) => void;
}

const OpenPanel = createContext<(request: PanelRequest) => void>(() => {});

/**
 * Holds the panel of a left-out contact above the lists, so it stays open when the contact
 * leaves them (a portal account created from the panel moves them into the list above).
 */
export function NotListedPanelHost({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<(PanelRequest & { opened: boolean }) | null>(null);
  return (
    <OpenPanel.Provider value={(request) => setShown({ ...request, opened: true })}>
      {children}
      {shown && (
        <Suspense fallback={null}>
          <ContactPanel
            key={shown.contact.Id}
            contact={{ Id: shown.contact.Id, Name: shown.contact.DisplayName }}
            opened={shown.opened}
            onPortalCreated={() => shown.onCreated?.({ ...shown.contact, VowEnabled: true })}
            onClose={() => {
              setShown({ ...shown, opened: false });
              // The lazy panel mounts open, so Mantine does not return focus on the first close.
              requestAnimationFrame(() => {
                if (shown.from?.isConnected) shown.from.focus();
              });
            }}
          />
        </Suspense>
      )}
    </OpenPanel.Provider>
  );
}

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
  const openPanel = useContext(OpenPanel);
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
        onClick={() => openPanel({ contact, from: nameButton.current, onCreated })}
        style={{ overflowWrap: 'anywhere' }}
      >
        {contact.DisplayName}
      </Anchor>
      {/* Wraps on a phone: the badge and "Create portal account" do not fit one line there. */}
      <Group gap="xs" wrap="wrap">
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
