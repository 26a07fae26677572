import {
  contactSelectedSchema,
  portalAccountSchema,
  type ContactRecord as Contact,
  type PortalAccountRecord as PortalAccount,
} from '../../../shared/contacts.js';
import { sparkResultsSchema } from '../../../shared/envelope.js';
import type { ContactRow, PortalAccountRow } from '../store/contacts.js';

export const CONTACT_ATTRIBUTES = [
  'Id',
  'ResourceUri',
  'DisplayName',
  'GivenName',
  'FamilyName',
  'PrimaryEmail',
  'MobilePhoneNumber',
  'HomePhoneNumber',
  'WorkPhoneNumber',
  'Tags',
  'VowEnabled',
  'ModificationTimestamp',
] as const;

export const contactsResponse = sparkResultsSchema(contactSelectedSchema);
export const portalResponse = sparkResultsSchema(portalAccountSchema);

/** `contacts.tags`: a JSON array of strings (the emulator writes only that). */
function tagsOf(json: string): string[] {
  const tags: unknown = JSON.parse(json);
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

export function toContact(row: ContactRow): Contact {
  return {
    Id: row.id,
    ResourceUri: `/v1/contacts/${row.id}`,
    DisplayName: row.display_name,
    GivenName: row.given_name,
    FamilyName: row.family_name,
    PrimaryEmail: row.primary_email,
    MobilePhoneNumber: row.mobile_phone,
    HomePhoneNumber: row.home_phone,
    WorkPhoneNumber: row.work_phone,
    Tags: tagsOf(row.tags),
    VowEnabled: row.vow_enabled === 1,
    ModificationTimestamp: row.modified_at,
  };
}

export function toPortalAccount(row: PortalAccountRow): PortalAccount {
  return {
    Id: row.id,
    ResourceUri: `/v1/contacts/${row.contact_id}/portal`,
    Enabled: row.enabled === 1,
    LastLogin: row.last_login,
    LastActive: row.last_active,
    Settings: { Enabled: row.enabled === 1 ? 'true' : 'false' },
  };
}
