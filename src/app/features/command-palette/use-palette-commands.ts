import { useQuery } from '@tanstack/react-query';
import { useMatch } from 'react-router-dom';
import { routePatterns } from '../../account/paths.js';
import { useAccount, useAccountPaths } from '../../account/use-account.js';
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

/** The group whose page is open, under the own account's prefix or an agent's. */
function useCurrentGroupId(): string | undefined {
  const own = useMatch(`/${routePatterns.group}`);
  const agents = useMatch(`${routePatterns.agent}/${routePatterns.group}`);
  const id = (own ?? agents)?.params.groupId;
  return id && id !== 'new' ? id : undefined;
}

/** The palette's actions; New group and, on a group's page, Toggle Favorites only for editors. */
export function usePaletteCommands({ canEdit, go, onShowShortcuts }: Options): PaletteCommand[] {
  const signOut = useSignOut();
  const account = useAccount();
  const paths = useAccountPaths();
  const currentGroupId = useCurrentGroupId();
  const currentGroup = useQuery({
    ...groupQueryOptions(account, currentGroupId ?? ''),
    enabled: canEdit && currentGroupId !== undefined,
  });
  const setFavorites = useSetFavorites(currentGroupId ?? '');

  return [
    { id: 'groups', label: 'Go to groups', run: () => go(paths.groups()) },
    ...(canEdit ? [{ id: 'new-group', label: 'New group', run: () => go(paths.newGroup()) }] : []),
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
