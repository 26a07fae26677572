import type { Contact } from '../../../shared/contacts.js';
import type { PortalGroupUser } from '../../../shared/portal-groups.js';

/** The row shown for a contact just added, until the group is refetched. */
export function contactAsMember(contact: Contact, portalEnabled: boolean): PortalGroupUser {
  return {
    Id: contact.Id,
    ResourceUri: contact.ResourceUri,
    UserType: 'Contact',
    Name: contact.DisplayName,
    Active: false,
    Enabled: portalEnabled,
    LastLogin: null,
    OfficeId: null,
    Office: null,
    CompanyId: null,
    Company: null,
  };
}
