import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Contact } from '../../../../shared/contacts.js';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { compareNames } from '../../../../shared/name-order.js';
import { useAccount, useAccountPaths } from '../../../account/use-account.js';
import { errorMessage } from '../../../api/error-message.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { usePortalAccount } from '../../../data/get-portal-account.js';
import { useSetContactPortal } from '../../../data/set-portal-enabled.js';
import { groupName } from '../../../data/group-summary.js';
import { circlesInCache } from '../circles-in-cache.js';
import { memberState } from '../../../data/member-state.js';
import { useContact } from '../../../data/search-contacts.js';
import { NO_INVITATION_NOTE } from '../../../data/portal-invitation.js';
import { CreatePortalAccountButton } from './create-portal-account-button.js';
import { ActivityBadge } from './member-badges.js';

interface Props {
  /** The contact the panel is about: a member of the group on screen, or any contact. */
  contact: { Id: string; Name: string };
  /** Given when the contact is a member of the group on screen: its portal state and status. */
  member?: PortalGroupUser;
  /** From the group's e-mail read; undefined reads it with the contact. */
  email?: string | null;
  opened: boolean;
  onClose: () => void;
  /** Turns the member's portal on, or asks first and turns it off (as the row's button does). */
  onTogglePortal?: (user: PortalGroupUser) => void;
  /** After "Create portal account" here: the panel stays open, the page may use the contact. */
  onPortalCreated?: () => void;
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

/** `tel:` takes digits and a leading +, whatever the number was typed as. */
const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

function Phones({ contact }: { contact: Contact | undefined }) {
  if (!contact) return <Loader size="xs" aria-label="Loading" />;
  const phones = PHONE_FIELDS.flatMap(([field, label]) => {
    const number = contact[field]?.trim();
    return number ? [{ label, number }] : [];
  });
  if (phones.length === 0) return 'No phone';
  return (
    <Stack component="span" gap={2}>
      {phones.map(({ label, number }) => (
        <span key={label}>
          {label}:{' '}
          <Anchor href={telHref(number)} inherit>
            {number}
          </Anchor>
        </span>
      ))}
    </Stack>
  );
}

const PHONE_FIELDS = [
  ['MobilePhoneNumber', 'Mobile'],
  ['HomePhoneNumber', 'Home'],
  ['WorkPhoneNumber', 'Work'],
  ['PrimaryPhoneNumber', 'Phone'],
] as const;

/**
 * A contact's card (agents only: a consumer sees the other members' names only): e-mail, phones
 * (`tel:` links), portal state with its actions (turn on/off for a member, create an account for
 * a contact without one), sign-ins and the circles they are in. No "open in Flexmls" link: no
 * Spark contact field gives the contact's address in Flexmls (docs/spark-api.md §4), and a guessed
 * one would mislead.
 */
export default function ContactPanel({
  contact,
  member,
  email,
  opened,
  onClose,
  onTogglePortal,
  onPortalCreated,
}: Props) {
  const setPortal = useSetContactPortal();
  const queryClient = useQueryClient();
  const paths = useAccountPaths();
  const fullScreen = useMediaQuery('(max-width: 36em)');
  const record = useContact(contact.Id, { enabled: opened });
  const portal = usePortalAccount(contact.Id, { enabled: opened });
  const state = member ? memberState(member) : null;
  const shownEmail =
    email !== undefined ? email : record.data && (record.data.PrimaryEmail ?? null);
  const circles = circlesInCache(queryClient, useAccount(), contact.Id).sort((a, b) =>
    compareNames(groupName(a), groupName(b)),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={contact.Name} fullScreen={fullScreen}>
      <Stack gap="md">
        <Stack component="dl" gap={6} m={0}>
          <Field label="E-mail">
            {shownEmail === undefined ? (
              <Loader size="xs" aria-label="Loading" />
            ) : shownEmail ? (
              <Anchor href={`mailto:${shownEmail}`} inherit>
                {shownEmail}
              </Anchor>
            ) : (
              'No e-mail'
            )}
          </Field>
          <Field label="Phone">
            {record.isError ? errorMessage(record.error) : <Phones contact={record.data} />}
          </Field>
          <Field label="Portal">
            {member ? (
              <Group component="span" gap="sm">
                {/* The group's state: it changes at once with a write, the account read does not. */}
                <span>{member.Enabled ? 'On' : 'Off'}</span>
                {onTogglePortal && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => onTogglePortal(member)}
                  >
                    {member.Enabled ? 'Turn portal off' : 'Turn portal on'}
                  </Button>
                )}
              </Group>
            ) : portal.isPending ? (
              <Loader size="xs" aria-label="Loading" />
            ) : portal.isError ? (
              errorMessage(portal.error)
            ) : portal.data === null ? (
              <Group component="span" gap="sm">
                <span>No portal account</span>
                <CreatePortalAccountButton
                  contact={{ Id: contact.Id, DisplayName: contact.Name }}
                  onCreated={onPortalCreated}
                />
              </Group>
            ) : (
              <Group component="span" gap="sm">
                <span>{portal.data.Enabled === false ? 'Off' : 'On'}</span>
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={setPortal.isPending}
                  onClick={() =>
                    setPortal.mutate({ contact, enabled: portal.data?.Enabled === false })
                  }
                >
                  {portal.data.Enabled === false ? 'Turn portal on' : 'Turn portal off'}
                </Button>
              </Group>
            )}
          </Field>
          <Field label="Status">
            {state ? (
              <Group component="span" gap="xs">
                <ActivityBadge state={state} />
                {state.status}
              </Group>
            ) : portal.data ? (
              portal.data.LastLogin ? (
                'Has signed in'
              ) : (
                'Never signed in'
              )
            ) : (
              '—'
            )}
          </Field>
          <Field label="Last login">
            <RelativeTime value={portal.data?.LastLogin ?? member?.LastLogin ?? null} />
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
        {/* Whenever the panel can create an account or turn a portal on, it says who hears of it. */}
        {(portal.data === null || Boolean(onTogglePortal) || (!member && portal.data)) && (
          <Text fz="xs" c="dimmed">
            Turning a portal on or creating a portal account: {NO_INVITATION_NOTE}
          </Text>
        )}
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
                {group.ContactId === contact.Id && (
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
