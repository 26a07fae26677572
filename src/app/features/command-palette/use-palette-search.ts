import { useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../../account/use-account.js';
import { paletteContactsQueryOptions, paletteGroupsQueryOptions } from './api/palette-search.js';
import { useMemberSearch } from '../../data/use-member-search.js';
import { selectFirstAction } from './select-first-action.js';

const DEBOUNCE_MS = 250;

/**
 * The palette's Spotlight store, opened and closed with `opened`, and what its search text finds
 * once typing pauses: groups and contacts (contacts only for a user who may edit).
 */
export function usePaletteSearch(opened: boolean, canEdit: boolean, query: string) {
  const [[store, spotlight]] = useState(createSpotlight);
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const account = useAccount();
  const groups = useQuery(paletteGroupsQueryOptions(account, debounced));
  const contacts = useQuery(paletteContactsQueryOptions(account, debounced, canEdit));
  // Circles the text finds by a member's name (Flexmls finds them by the owner's only).
  const members = useMemberSearch(debounced, opened && canEdit);
  const ready = members.state === 'ready' ? members.matches : null;
  const memberMatches = useMemo(() => ready ?? [], [ready]);

  useEffect(() => {
    if (opened) spotlight.open();
    else spotlight.close();
  }, [opened, spotlight]);

  // New results replace the list: keep the first one selected so Enter picks it.
  useEffect(() => {
    if (opened) selectFirstAction(store);
  }, [opened, store, groups.data, contacts.data, memberMatches]);

  const searching = debounced.length > 0;
  return {
    store,
    searching,
    groups: searching ? (groups.data ?? []) : [],
    memberMatches: searching ? memberMatches : [],
    /** Every group, once loaded: which circles a contact is in. */
    book: searching && members.state === 'ready' ? members.book : null,
    contacts: searching && canEdit ? (contacts.data ?? []) : [],
    loading:
      searching &&
      (groups.isFetching ||
        (canEdit && contacts.isFetching) ||
        members.state === 'loading' ||
        query.trim() !== debounced),
    failure: groups.error ?? (canEdit ? contacts.error : null),
  };
}
