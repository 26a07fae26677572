import { Badge, Text } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import type { MemberState } from '../../../data/member-state.js';
import { DotBadge } from '../../../ui/dot-badge.js';
import classes from './member-parts.module.css';

export function ActivityBadge({ state }: { state: MemberState }) {
  return (
    <DotBadge tone={state.active ? 'positive' : 'caution'} size="sm">
      {state.active ? 'Active' : 'Inactive'}
    </DotBadge>
  );
}

export function PortalBadge({ user }: { user: PortalGroupUser }) {
  return (
    <DotBadge tone={user.Enabled ? 'info' : 'negative'} size="sm">
      {user.Enabled ? 'Enabled' : 'Disabled'}
    </DotBadge>
  );
}

/** The Active badge and, under it, the member's state in plain words. */
export function MemberActivity({ state }: { state: MemberState }) {
  return (
    <div className={classes.activity}>
      <ActivityBadge state={state} />
      <p className={classes.note}>{state.status}</p>
    </div>
  );
}

export function OwnerBadge() {
  return (
    <Badge variant="outline" size="sm" style={{ flexShrink: 0 }}>
      Owner
    </Badge>
  );
}

export function AgentBadge() {
  return (
    <Badge variant="outline" color="gray" size="sm" style={{ flexShrink: 0 }}>
      Agent
    </Badge>
  );
}

/** Spark sends no portal state for an agent listed in a group. */
export function NotShown() {
  return (
    <Text span fz="sm" c="dimmed" aria-label="Not shown for this user">
      —
    </Text>
  );
}
