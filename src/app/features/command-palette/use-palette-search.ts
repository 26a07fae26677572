import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../../account/use-account.js';
import { paletteContactsQueryOptions, paletteGroupsQueryOptions } from './palette-search.js';
import { selectFirstAction } from './select-first-action.js';

const DEBOUNCE_MS = 250;

/**
 * The palette's Spotlight store, opened and closed with `opened`, and its search: the text and
 * the groups and contacts it finds once typing pauses (contacts only for a user who may edit).
 */
export function usePaletteSearch(opened: boolean, canEdit: boolean) {
  const [[store, spotlight]] = useState(createSpotlight);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const account = useAccount();
  const groups = useQuery(paletteGroupsQueryOptions(account, debounced));
  const contacts = useQuery(paletteContactsQueryOptions(account, debounced, canEdit));

  useEffect(() => {
    if (opened) spotlight.open();
    else spotlight.close();
  }, [opened, spotlight]);

  // New results replace the list: keep the first one selected so Enter picks it.
  useEffect(() => {
    if (opened) selectFirstAction(store);
  }, [opened, store, groups.data, contacts.data]);

  const searching = debounced.length > 0;
  return {
    store,
    query,
    setQuery,
    searching,
    groups: searching ? (groups.data ?? []) : [],
    contacts: searching && canEdit ? (contacts.data ?? []) : [],
    loading:
      searching &&
      (groups.isFetching || (canEdit && contacts.isFetching) || query.trim() !== debounced),
    failure: groups.error ?? (canEdit ? contacts.error : null),
  };
}
