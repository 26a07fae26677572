import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { contactReadSchema } from '../../../shared/contacts.js';
import { portalGroupReadSchema } from '../../../shared/portal-groups.js';
import { sparkRead } from '../../api/spark-fetch.js';
import { containsFilter } from '../../api/spark-ql.js';
import { contactKeys } from '../contacts/api/contact-keys.js';
import { contactSearchFilter } from '../contacts/api/contact-search-filter.js';
import { groupKeys } from '../groups/api/group-keys.js';
import { groupsOwnedBy } from '../groups/api/groups-owned-by.js';

export const PALETTE_LIMIT = 6;

/** Groups whose owner's name contains the text. */
export async function searchGroupsByOwner(q: string, signal?: AbortSignal) {
  const { results } = await sparkRead(portalGroupReadSchema, {
    path: '/portal/groups',
    query: { _limit: PALETTE_LIMIT, _orderby: 'Name', _filter: containsFilter('Name', q) },
    signal,
  });
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
  const { results: contacts } = await sparkRead(contactReadSchema, {
    path: '/contacts',
    query: { _limit: PALETTE_LIMIT, _orderby: 'DisplayName', _filter: contactSearchFilter(q) },
    signal,
  });
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
