import { useState } from 'react';
import { Badge, Button } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { useSetFavorites } from '../../../data/set-favorites.js';
import { isFavorite } from '../../../data/group-summary.js';

/** A toggle for the Favorites tag; consumers see a plain badge instead. */
export function FavoritesToggle({ group, canEdit }: { group: PortalGroup; canEdit: boolean }) {
  const setFavorites = useSetFavorites(group.Id);
  // The button answers within the click's own frame; the caches follow in the mutation.
  const [requested, setRequested] = useState<boolean | null>(null);
  const favorite = requested ?? isFavorite(group);
  if (!canEdit) return favorite ? <Badge variant="light">Favorites</Badge> : null;
  return (
    <Button
      variant={favorite ? 'filled' : 'default'}
      aria-pressed={favorite}
      leftSection={<span aria-hidden="true">{favorite ? '★' : '☆'}</span>}
      onClick={() => {
        if (setFavorites.isPending || requested !== null) return;
        setRequested(!favorite);
        setFavorites.mutate(!favorite, { onSettled: () => setRequested(null) });
      }}
    >
      Favorites
    </Button>
  );
}
