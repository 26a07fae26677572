import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { isAgent } from '../../../data/member-state.js';
import { AgentBadge, OwnerBadge } from './member-badges.js';

interface Props {
  user: PortalGroupUser;
  isOwner: boolean;
  /** null: the contact has none; undefined while loading. */
  email: string | null | undefined;
  onOpen: () => void;
}

/** The member's name, which opens their contact, with badges and the e-mail under it. */
export function MemberName({ user, isOwner, email, onOpen }: Props) {
  return (
    <Stack gap={0} align="flex-start">
      <Group gap="xs" wrap="nowrap">
        <Anchor
          component="button"
          type="button"
          fz="sm"
          fw={500}
          ta="left"
          aria-haspopup="dialog"
          onClick={onOpen}
          style={{ overflowWrap: 'anywhere' }}
        >
          {user.Name}
        </Anchor>
        {isOwner && <OwnerBadge />}
        {isAgent(user) && <AgentBadge />}
      </Group>
      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {email === undefined ? '\u00a0' : (email ?? 'No e-mail')}
      </Text>
    </Stack>
  );
}
