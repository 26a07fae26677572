import { useId, useState } from 'react';
import { Alert, Button, CloseButton, Group, Paper, Pill, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLoaderData, useNavigate } from 'react-router-dom';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { useAccountPaths } from '../account/use-account.js';
import { useCanEdit } from '../data/session.js';
import { usePortalAccountStatus } from '../data/use-portal-account-status.js';
import { useCreateGroup } from '../features/groups/api/create-group.js';
import { usePortalContact } from '../features/groups/api/owner-candidates.js';
import type { PortalContact } from '../features/groups/api/owner-candidates.js';
import { MembersPicker, OwnerPicker } from '../features/groups/components/contact-picker.js';
import { CreatePortalAccountButton } from '../features/members/components/create-portal-account-button.js';
import {
  NotListedContact,
  NotListedPanelHost,
} from '../features/members/components/not-listed-contact.js';
import { NO_INVITATION_NOTE } from '../data/portal-invitation.js';
import { PageError } from './route-error.js';

/** The owner suggested by the address (`?owner=<contact Id>`, from the command palette). */
export const loader =
  () =>
  ({ request }: LoaderFunctionArgs) => ({
    ownerId: new URL(request.url).searchParams.get('owner') || null,
  });

type Inputs = ReturnType<ReturnType<typeof loader>>;

/** Why the suggested owner cannot own a group, and a portal account for one who has none. */
function SuggestedOwnerNote({
  contact,
  onCreated,
}: {
  contact: PortalContact;
  onCreated: (owner: PortalContact) => void;
}) {
  const status = usePortalAccountStatus(contact, { enabled: !contact.ownsGroup });
  const nameId = useId();
  if (contact.ownsGroup) {
    return (
      <Text size="sm" c="dimmed">
        {contact.DisplayName} already owns a group.
      </Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" c="dimmed" id={nameId}>
        {contact.DisplayName}{' '}
        {status === 'disabled'
          ? 'has a portal account that is turned off, so cannot own a group.'
          : 'has no portal account yet, so cannot own a group.'}
      </Text>
      {status === 'none' && (
        <>
          <CreatePortalAccountButton
            contact={contact}
            describedBy={nameId}
            onCreated={() => onCreated({ ...contact, VowEnabled: true })}
          />
          <Text size="xs" c="dimmed">
            {NO_INVITATION_NOTE}
          </Text>
        </>
      )}
    </Stack>
  );
}

export function Component() {
  useDocumentTitle('New group · Portal Groups Admin');
  const { ownerId } = useLoaderData<Inputs>();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const paths = useAccountPaths();
  const createGroup = useCreateGroup();
  const suggested = usePortalContact(ownerId);
  const [picked, setOwner] = useState<PortalContact | null>(null);
  const suggestedOwner =
    suggested.data && suggested.data.VowEnabled && !suggested.data.ownsGroup
      ? suggested.data
      : null;
  const owner = picked ?? suggestedOwner;
  const [members, setMembers] = useState<PortalContact[]>([]);

  if (!canEdit) {
    return (
      <Stack align="flex-start">
        <Title order={1}>New group</Title>
        <Alert color="blue" variant="light">
          Your account can view groups but not change them
        </Alert>
        <Button component={Link} to={paths.groups()} variant="default">
          Back to groups
        </Button>
      </Stack>
    );
  }

  const otherMembers = members.filter((member) => member.Id !== owner?.Id);
  const submit = () => {
    if (!owner) return;
    createGroup.mutate(
      { ownerContactId: owner.Id, memberContactIds: otherMembers.map((member) => member.Id) },
      { onSuccess: ({ groupId }) => void navigate(paths.group(groupId)) },
    );
  };

  return (
    <NotListedPanelHost>
      <Stack gap="lg" maw={640}>
        <Title order={1}>New group</Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              1. Owner
            </Title>
            <Text size="sm" c="dimmed">
              A contact with a portal account that owns no group yet.
            </Text>
            <OwnerPicker value={owner} onChange={setOwner} NotListed={NotListedContact} />
            <Text size="sm" aria-live="polite">
              {owner ? `Owner: ${owner.DisplayName}` : 'No owner chosen yet'}
            </Text>
            {!picked && suggested.data && !suggestedOwner && (
              <SuggestedOwnerNote contact={suggested.data} onCreated={setOwner} />
            )}
            {suggested.isError && (
              <Text size="sm" c="dimmed">
                The suggested owner could not be loaded; pick one above.
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              2. Members (optional)
            </Title>
            <MembersPicker
              ownerId={owner?.Id}
              value={otherMembers}
              onChange={setMembers}
              NotListed={NotListedContact}
            />
            {otherMembers.length > 0 && (
              <Group gap="xs" aria-label="Chosen members" role="list">
                {otherMembers.map((member) => (
                  <Pill key={member.Id} role="listitem">
                    <Group gap={4} wrap="nowrap">
                      {member.DisplayName}
                      <CloseButton
                        size="xs"
                        aria-label={`Remove ${member.DisplayName}`}
                        onClick={() => setMembers(otherMembers.filter((m) => m.Id !== member.Id))}
                      />
                    </Group>
                  </Pill>
                ))}
              </Group>
            )}
          </Stack>
        </Paper>
        <Group>
          <Button onClick={submit} disabled={!owner} loading={createGroup.isPending}>
            Create group
          </Button>
          <Button component={Link} to={paths.groups()} variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </NotListedPanelHost>
  );
}

export const ErrorBoundary = PageError;
