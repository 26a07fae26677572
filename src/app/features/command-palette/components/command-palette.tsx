import '@mantine/spotlight/styles.css';
import { Loader, Text, VisuallyHidden } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { useNavigate } from 'react-router-dom';
import { useAccountPaths } from '../../../account/use-account.js';
import { errorMessage } from '../../../api/error-message.js';
import { useCanEdit } from '../../../data/session.js';
import { matchCommands } from '../palette-actions.js';
import { PaletteSection } from './palette-section.js';
import { PALETTE_SEARCH_ATTRIBUTE } from '../palette-search-attribute.js';
import { contactResult, groupResult } from '../result-commands.js';
import { usePaletteCommands } from '../use-palette-commands.js';
import { usePaletteSearch } from '../use-palette-search.js';

interface CommandPaletteProps {
  opened: boolean;
  onClose: () => void;
  onShowShortcuts: () => void;
  /** The search text, kept by the launcher from the Ctrl+K press on. */
  query: string;
  onQueryChange: (query: string) => void;
}

/** Jump anywhere: groups by owner, contacts by name or e-mail, and actions. */
export function CommandPalette({
  opened,
  onClose,
  onShowShortcuts,
  query,
  onQueryChange,
}: CommandPaletteProps) {
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const paths = useAccountPaths();
  const go = (path: string) => void navigate(path);
  const commands = usePaletteCommands({ canEdit, go, onShowShortcuts });
  const search = usePaletteSearch(opened, canEdit, query);
  const { failure, loading } = search;
  const byOwner = new Set(search.groups.map((group) => group.Id));
  const groups = [
    ...search.groups.map((group) => groupResult(group, go, paths)),
    ...search.memberMatches
      .filter((match) => !byOwner.has(match.group.Id))
      .map((match) => groupResult(match.group, go, paths, match.why)),
  ];
  const memberOf = (contactId: string) =>
    search.book?.filter(
      (group) => group.ContactId !== contactId && group.Users.some((user) => user.Id === contactId),
    ).length;
  const contacts = search.contacts.map((contact) =>
    contactResult(contact, go, paths, memberOf(contact.Id)),
  );
  const actions = matchCommands(commands, query);

  const nothing = groups.length === 0 && contacts.length === 0 && actions.length === 0;
  let status = '';
  if (failure) status = `Search failed: ${errorMessage(failure)}`;
  else if (loading) status = 'Searching…';
  else if (search.searching)
    status = `${groups.length} groups, ${contacts.length} contacts, ${actions.length} actions`;

  return (
    <Spotlight.Root
      store={search.store}
      shortcut={null}
      query={query}
      onQueryChange={onQueryChange}
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
        {...{ [PALETTE_SEARCH_ATTRIBUTE]: true }}
        // Typed-ahead text is kept: the caret goes after it, not before.
        onFocus={(event) => {
          const end = event.currentTarget.value.length;
          event.currentTarget.setSelectionRange(end, end);
        }}
      />
      <VisuallyHidden role="status">{status}</VisuallyHidden>
      {failure && (
        <Text c="red.8" size="sm" px="md" py="xs">
          {errorMessage(failure)}
        </Text>
      )}
      <Spotlight.ActionsList aria-label="Results">
        <PaletteSection label="Groups" commands={groups} />
        <PaletteSection label="Contacts" commands={contacts} />
        <PaletteSection label="Actions" commands={actions} />
        {nothing && !loading && <Spotlight.Empty>Nothing found</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
