import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { compareNames } from '../../../../shared/name-order.js';
import { useAccount, useAccountPaths } from '../../../account/use-account.js';
import { errorMessage } from '../../../api/error-message.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { usePortalAccount } from '../../../data/get-portal-account.js';
import { groupName } from '../../../data/group-summary.js';
import { circlesInCache } from '../circles-in-cache.js';
import { memberState } from '../../../data/member-state.js';
import { ActivityBadge } from './member-badges.js';

interface Props {
  user: PortalGroupUser;
  email: string | null | undefined;
  opened: boolean;
  onClose: () => void;
  /** Turns the member's portal on, or asks first and turns it off (as the row's button does). */
  onTogglePortal?: (user: PortalGroupUser) => void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" fz="sm" fw={600} w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** A member's contact card (agents only: a consumer sees the other members' names only): e-mail, portal state, sign-ins and the circles they are in. */
export default function ContactPanel({ user, email, opened, onClose, onTogglePortal }: Props) {
  const queryClient = useQueryClient();
  const paths = useAccountPaths();
  const fullScreen = useMediaQuery('(max-width: 36em)');
  const portal = usePortalAccount(user.Id, { enabled: opened });
  const state = memberState(user);
  const circles = circlesInCache(queryClient, useAccount(), user.Id).sort((a, b) =>
    compareNames(groupName(a), groupName(b)),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={user.Name} fullScreen={fullScreen}>
      <Stack gap="md">
        <Stack component="dl" gap={6} m={0}>
          <Field label="E-mail">
            {email === undefined ? (
              <Loader size="xs" aria-label="Loading" />
            ) : email ? (
              <Anchor href={`mailto:${email}`} inherit>
                {email}
              </Anchor>
            ) : (
              'No e-mail'
            )}
          </Field>
          <Field label="Portal">
            <Group component="span" gap="sm">
              {/* The group's state: it changes at once with a write, the account read does not. */}
              <span>{user.Enabled ? 'On' : 'Off'}</span>
              {onTogglePortal && (
                <Button size="compact-xs" variant="default" onClick={() => onTogglePortal(user)}>
                  {user.Enabled ? 'Turn portal off' : 'Turn portal on'}
                </Button>
              )}
            </Group>
          </Field>
          <Field label="Status">
            <Group component="span" gap="xs">
              <ActivityBadge state={state} />
              {state.status}
            </Group>
          </Field>
          <Field label="Last login">
            <RelativeTime value={portal.data?.LastLogin ?? user.LastLogin} />
          </Field>
          <Field label="Last active">
            {portal.isPending ? (
              <Loader size="xs" aria-label="Loading" />
            ) : portal.isError ? (
              errorMessage(portal.error)
            ) : (
              <RelativeTime value={portal.data?.LastActive} />
            )}
          </Field>
        </Stack>
        <Stack gap={4}>
          <Title order={3} fz="h5">
            Circles ({circles.length})
          </Title>
          <Text fz="xs" c="dimmed">
            As far as loaded in this app.
          </Text>
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
            {circles.map((group) => (
              <Group component="li" key={group.Id} gap="xs">
                <Anchor component={Link} to={paths.group(group.Id)} fz="sm" onClick={onClose}>
                  {groupName(group)}
                </Anchor>
                {group.ContactId === user.Id && (
                  <Badge variant="outline" size="sm">
                    Owner
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        </Stack>
      </Stack>
    </Modal>
  );
}
