import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { contactKeys } from '../../data/contact-keys.js';
import { contactSearchFilter } from '../../data/contact-search-filter.js';
import { listContacts } from '../../data/search-contacts.js';
import { listGroups } from '../../data/get-groups.js';
import { groupKeys } from '../../data/group-keys.js';
import { groupsOwnedBy } from '../../data/groups-owned-by.js';

export const PALETTE_LIMIT = 6;

/** Groups whose owner's name contains the text. */
export async function searchGroupsByOwner(q: string, signal?: AbortSignal) {
  const { results } = await listGroups({ limit: PALETTE_LIMIT, orderBy: 'Name', name: q }, signal);
  return results;
}

export interface PaletteContact {
  Id: string;
  DisplayName: string;
  PrimaryEmail: string | null;
  /** The group this contact owns, if any. */
  groupId: string | undefined;
}

/** Contacts whose name or e-mail contains the text, each with the group it owns. */
export async function searchContactsWithGroups(
  q: string,
  signal?: AbortSignal,
): Promise<PaletteContact[]> {
  const contacts = await listContacts(
    { filter: contactSearchFilter(q), limit: PALETTE_LIMIT },
    signal,
  );
  const groupOf = await groupsOwnedBy(
    contacts.map((contact) => contact.Id),
    signal,
  );
  return contacts.map((contact) => ({
    Id: contact.Id,
    DisplayName: contact.DisplayName,
    PrimaryEmail: contact.PrimaryEmail ?? null,
    groupId: groupOf.get(contact.Id),
  }));
}

export const paletteGroupsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...groupKeys.all, 'palette', { q }] as const,
    queryFn: ({ signal }) => searchGroupsByOwner(q, signal),
    placeholderData: keepPreviousData,
    enabled: q.length > 0,
  });

export const paletteContactsQueryOptions = (q: string, enabled: boolean) =>
  queryOptions({
    queryKey: [...contactKeys.all, 'palette', { q }] as const,
    queryFn: ({ signal }) => searchContactsWithGroups(q, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && q.length > 0,
  });
