import { useQuery } from '@tanstack/react-query';
import { useMatch } from 'react-router-dom';
import { groupQueryOptions } from '../../data/get-group.js';
import { groupName, isFavorite } from '../../data/group-summary.js';
import { useSetFavorites } from '../../data/set-favorites.js';
import { useSignOut } from '../../data/sign-out.js';
import type { PaletteCommand } from './palette-actions.js';

interface Options {
  canEdit: boolean;
  go: (path: string) => void;
  onShowShortcuts: () => void;
}

function useCurrentGroupId(): string | undefined {
  const match = useMatch('/groups/:groupId');
  const id = match?.params.groupId;
  return id && id !== 'new' ? id : undefined;
}

/** The palette's actions; New group and, on a group's page, Toggle Favorites only for editors. */
export function usePaletteCommands({ canEdit, go, onShowShortcuts }: Options): PaletteCommand[] {
  const signOut = useSignOut();
  const currentGroupId = useCurrentGroupId();
  const currentGroup = useQuery({
    ...groupQueryOptions(currentGroupId ?? ''),
    enabled: canEdit && currentGroupId !== undefined,
  });
  const setFavorites = useSetFavorites(currentGroupId ?? '');

  return [
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
}
