import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Account } from '../../../account/account.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { contactSearchFilter } from '../../../data/contact-search-filter.js';
import { listContacts } from '../../../data/search-contacts.js';
import { listGroups } from '../../../data/get-groups.js';
import { groupKeys } from '../../../data/group-keys.js';
import { groupsOwnedBy } from '../../../data/groups-owned-by.js';

const PALETTE_LIMIT = 6;

/** Groups whose owner's name contains the text. */
async function searchGroupsByOwner(account: Account, q: string, signal?: AbortSignal) {
  const { results } = await listGroups(
    account,
    { limit: PALETTE_LIMIT, orderBy: 'Name', name: q },
    signal,
  );
  return results;
}

export interface PaletteContact {
  Id: string;
  DisplayName: string;
  PrimaryEmail: string | null;
  /** Has an enabled portal account (unknown: undefined). */
  VowEnabled: boolean | undefined;
  /** The group this contact owns, if any. */
  groupId: string | undefined;
}

/** Contacts whose name or e-mail contains the text, each with the group it owns. */
async function searchContactsWithGroups(
  account: Account,
  q: string,
  signal?: AbortSignal,
): Promise<PaletteContact[]> {
  const contacts = await listContacts(
    account,
    { filter: contactSearchFilter(q), limit: PALETTE_LIMIT },
    signal,
  );
  const groupOf = await groupsOwnedBy(
    account,
    contacts.map((contact) => contact.Id),
    signal,
  );
  return contacts.map((contact) => ({
    Id: contact.Id,
    DisplayName: contact.DisplayName,
    PrimaryEmail: contact.PrimaryEmail ?? null,
    VowEnabled: contact.VowEnabled,
    groupId: groupOf.get(contact.Id),
  }));
}

export const paletteGroupsQueryOptions = (account: Account, q: string) =>
  queryOptions({
    queryKey: [...groupKeys.all(account), 'palette', { q }] as const,
    queryFn: ({ signal }) => searchGroupsByOwner(account, q, signal),
    placeholderData: keepPreviousData,
    enabled: q.length > 0,
  });

export const paletteContactsQueryOptions = (account: Account, q: string, enabled: boolean) =>
  queryOptions({
    queryKey: [...contactKeys.all(account), 'palette', { q }] as const,
    queryFn: ({ signal }) => searchContactsWithGroups(account, q, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && q.length > 0,
  });
