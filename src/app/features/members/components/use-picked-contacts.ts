import { useState } from 'react';
import type { Contact } from '../../../../shared/contacts.js';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import type { PortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { contactAsMember } from '../contact-as-member.js';

type Picked = ReadonlyMap<string, PortalGroupUser>;

function without(picked: Picked, id: string): Picked {
  const next = new Map(picked);
  next.delete(id);
  return next;
}

/** The contacts picked in the Add members dialog, each as the member it will become. */
export function usePickedContacts() {
  const [picked, setPicked] = useState<Picked>(new Map());
  return {
    byId: picked,
    users: [...picked.values()],
    /** A contact whose portal account is disabled joins with the portal off. */
    toggle: (contact: Contact, status: PortalAccountStatus) =>
      setPicked((current) =>
        current.has(contact.Id)
          ? without(current, contact.Id)
          : new Map(current).set(contact.Id, contactAsMember(contact, status !== 'disabled')),
      ),
    pick: (contact: Contact) =>
      setPicked((current) => new Map(current).set(contact.Id, contactAsMember(contact, true))),
    unpick: (id: string) => setPicked((current) => without(current, id)),
    clear: () => setPicked(new Map()),
  };
}
