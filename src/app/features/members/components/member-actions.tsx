import { Button } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { isAgent } from '../../../data/member-state.js';
import classes from './member-parts.module.css';

interface Props {
  user: PortalGroupUser;
  isOwner: boolean;
  onRemove?: (user: PortalGroupUser) => void;
  onTogglePortal?: (user: PortalGroupUser) => void;
}

/** A member's buttons: portal on/off (not for agents) and Remove (not for the owner). */
export function MemberActions({ user, isOwner, onRemove, onTogglePortal }: Props) {
  const portalAction = user.Enabled ? 'Turn portal off' : 'Turn portal on';
  return (
    <div className={classes.actions}>
      {onTogglePortal && !isAgent(user) && (
        <Button
          variant="default"
          size="compact-sm"
          aria-label={`${portalAction} for ${user.Name}`}
          onClick={() => onTogglePortal(user)}
        >
          {portalAction}
        </Button>
      )}
      {onRemove && !isOwner && (
        <Button
          variant="outline"
          color="red"
          size="compact-sm"
          aria-label={`Remove ${user.Name}`}
          data-remove-member={user.Id}
          onClick={() => onRemove(user)}
        >
          Remove
        </Button>
      )}
    </div>
  );
}
