import '@mantine/spotlight/styles.css';
import { useEffect, useState } from 'react';
import { Loader, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useMatch, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/error-message.js';
import { useCanEdit } from '../../data/session.js';
import { useSignOut } from '../../data/sign-out.js';
import { groupQueryOptions } from '../../data/get-group.js';
import { useSetFavorites } from '../../data/set-favorites.js';
import { groupName, isFavorite } from '../../data/group-summary.js';
import { matchCommands } from './palette-actions.js';
import type { PaletteCommand } from './palette-actions.js';
import { selectFirstAction } from './select-first-action.js';
import { paletteContactsQueryOptions, paletteGroupsQueryOptions } from './palette-search.js';

const DEBOUNCE_MS = 250;

interface CommandPaletteProps {
  opened: boolean;
  onClose: () => void;
  onShowShortcuts: () => void;
}

function useCurrentGroupId(): string | undefined {
  const match = useMatch('/groups/:groupId');
  const id = match?.params.groupId;
  return id && id !== 'new' ? id : undefined;
}

/** Jump anywhere: groups by owner, contacts by name or e-mail, and actions. */
export function CommandPalette({ opened, onClose, onShowShortcuts }: CommandPaletteProps) {
  const [[store, spotlight]] = useState(createSpotlight);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const signOut = useSignOut();
  const currentGroupId = useCurrentGroupId();
  const currentGroup = useQuery({
    ...groupQueryOptions(currentGroupId ?? ''),
    enabled: canEdit && currentGroupId !== undefined,
  });
  const setFavorites = useSetFavorites(currentGroupId ?? '');
  const groups = useQuery(paletteGroupsQueryOptions(debounced));
  const contacts = useQuery(paletteContactsQueryOptions(debounced, canEdit));

  useEffect(() => {
    if (opened) spotlight.open();
    else spotlight.close();
  }, [opened, spotlight]);

  const searching = debounced.length > 0;
  const groupResults = searching ? (groups.data ?? []) : [];
  const contactResults = searching && canEdit ? (contacts.data ?? []) : [];

  // New results replace the list: keep the first one selected so Enter picks it.
  useEffect(() => {
    if (opened) selectFirstAction(store);
  }, [opened, store, groups.data, contacts.data]);

  const go = (path: string) => void navigate(path);
  const commands: PaletteCommand[] = [
    { id: 'groups', label: 'Go to groups', run: () => go('/groups') },
    ...(canEdit ? [{ id: 'new-group', label: 'New group', run: () => go('/groups/new') }] : []),
    ...(canEdit && currentGroup.data
      ? [
          {
            id: 'favorites',
            label: 'Toggle Favorites',
            description: isFavorite(currentGroup.data)
              ? `Remove ${groupName(currentGroup.data)} from Favorites`
              : `Add ${groupName(currentGroup.data)} to Favorites`,
            run: () => {
              if (currentGroup.data && !setFavorites.isPending)
                setFavorites.mutate(!isFavorite(currentGroup.data));
            },
          },
        ]
      : []),
    { id: 'shortcuts', label: 'Keyboard shortcuts', run: onShowShortcuts },
    { id: 'sign-out', label: 'Sign out', run: () => signOut.mutate() },
  ];
  const matchingCommands = matchCommands(commands, query);

  const loading =
    searching &&
    (groups.isFetching || (canEdit && contacts.isFetching) || query.trim() !== debounced);
  const failure = groups.error ?? (canEdit ? contacts.error : null);
  const nothing =
    groupResults.length === 0 && contactResults.length === 0 && matchingCommands.length === 0;
  let status = '';
  if (failure) status = `Search failed: ${errorMessage(failure)}`;
  else if (loading) status = 'Searching…';
  else if (searching)
    status = `${groupResults.length} groups, ${contactResults.length} contacts, ${matchingCommands.length} actions`;

  return (
    <Spotlight.Root
      store={store}
      shortcut={null}
      query={query}
      onQueryChange={setQuery}
      onSpotlightClose={onClose}
      scrollable
      maxHeight={420}
      styles={{ actionDescription: { opacity: 1 } }}
    >
      <Spotlight.Search
        aria-label="Jump to"
        placeholder={
          canEdit ? 'Group owner, contact name or e-mail, action…' : 'Group owner or action…'
        }
        rightSection={loading ? <Loader size="xs" aria-hidden="true" /> : null}
      />
      <VisuallyHidden role="status">{status}</VisuallyHidden>
      {failure && (
        <Text c="red.8" size="sm" px="md" py="xs">
          {errorMessage(failure)}
        </Text>
      )}
      <Spotlight.ActionsList aria-label="Results">
        {groupResults.length > 0 && (
          <Spotlight.ActionsGroup label="Groups">
            {groupResults.map((group) => (
              <Spotlight.Action
                key={group.Id}
                label={groupName(group)}
                description={`Group · ${group.Users.length} members${isFavorite(group) ? ' · Favorites' : ''}`}
                onClick={() => go(`/groups/${encodeURIComponent(group.Id)}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {contactResults.length > 0 && (
          <Spotlight.ActionsGroup label="Contacts">
            {contactResults.map((contact) => (
              <Spotlight.Action
                key={contact.Id}
                label={contact.DisplayName}
                description={`${contact.PrimaryEmail ?? 'No e-mail'} · ${
                  contact.groupId ? 'open their group' : 'owns no group: start one'
                }`}
                onClick={() =>
                  go(
                    contact.groupId
                      ? `/groups/${encodeURIComponent(contact.groupId)}`
                      : `/groups/new?owner=${encodeURIComponent(contact.Id)}`,
                  )
                }
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingCommands.length > 0 && (
          <Spotlight.ActionsGroup label="Actions">
            {matchingCommands.map((command) => (
              <Spotlight.Action
                key={command.id}
                label={command.label}
                description={command.description}
                onClick={command.run}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {nothing && !loading && <Spotlight.Empty>Nothing found</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
