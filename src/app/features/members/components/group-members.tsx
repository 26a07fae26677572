import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useRemoveFocus } from '../../../ui/use-remove-focus.js';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { PortalGroupUser } from '../../../../shared/portal-groups.js';
import { ConfirmDialog } from '../../../ui/confirm-dialog.js';
import { useContactEmails } from '../../../data/fetch-contact-emails.js';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { ACTIVE_RULE } from '../../../data/member-state.js';
import { MembersTable } from './members-table.js';
import { useMemberChanges } from './use-member-changes.js';

const loadAddMembersDialog = () => import('./add-members-dialog.js');
const AddMembersDialog = lazy(loadAddMembersDialog);
const ContactPanel = lazy(() => import('./contact-panel.js'));

interface Props {
  group: PortalGroup;
  canEdit: boolean;
}

export function GroupMembers({ group, canEdit }: Props) {
  const headingId = useId();
  const ruleId = useId();
  const [dialogOpened, setDialogOpened] = useState(false);
  const [dialogRequested, setDialogRequested] = useState(false);
  const {
    containerRef: sectionRef,
    headingRef,
    focusAfterRemove,
    focusWhenBack,
  } = useRemoveFocus('data-remove-member', group.Users);
  // The member Undo put back: their Remove takes focus once their row is back.
  const { add, remove, setPortal } = useMemberChanges(group, undefined, (user) =>
    focusWhenBack(user.Id),
  );
  const removeMember = (user: PortalGroupUser) => {
    focusAfterRemove(user.Id);
    remove(user);
  };
  // Kept after closing, so the dialog's words do not change while it closes.
  const [turningOff, setTurningOff] = useState<PortalGroupUser | null>(null);
  const [confirmOpened, setConfirmOpened] = useState(false);
  const [contact, setContact] = useState<PortalGroupUser | null>(null);
  const [panelOpened, setPanelOpened] = useState(false);
  const contactTrigger = useRef<HTMLElement | null>(null);
  const emails = useContactEmails(
    group.Users.map((user) => user.Id),
    { enabled: canEdit },
  );
  const addButton = useRef<HTMLButtonElement>(null);
  const togglePortal = (user: PortalGroupUser) => {
    if (!user.Enabled) return setPortal(user, true);
    setTurningOff(user);
    setConfirmOpened(true);
  };
  const dialogWasOpened = useRef(false);

  // Mantine returns focus only for a modal that was mounted closed; the lazy one mounts open.
  useEffect(() => {
    if (dialogWasOpened.current && !dialogOpened) addButton.current?.focus();
    dialogWasOpened.current = dialogOpened;
  }, [dialogOpened]);

  return (
    <Stack component="section" ref={sectionRef} aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id={headingId} ref={headingRef} tabIndex={-1} fz="h3">
          Members ({group.Users.length})
        </Title>
        {canEdit && (
          <Button
            ref={addButton}
            onMouseEnter={() => void loadAddMembersDialog()}
            onFocus={() => void loadAddMembersDialog()}
            onClick={() => {
              setDialogRequested(true);
              setDialogOpened(true);
            }}
          >
            Add members
          </Button>
        )}
      </Group>
      {canEdit && (
        <Text fz="sm" c="dimmed" id={ruleId}>
          {ACTIVE_RULE}
        </Text>
      )}
      <MembersTable
        group={group}
        ruleId={ruleId}
        namesOnly={!canEdit}
        emails={emails.data}
        onOpenContact={(user) => {
          contactTrigger.current =
            document.activeElement instanceof HTMLElement ? document.activeElement : null;
          setContact(user);
          setPanelOpened(true);
        }}
        onRemove={canEdit ? removeMember : undefined}
        onTogglePortal={canEdit ? togglePortal : undefined}
      />
      {canEdit && (
        <ConfirmDialog
          opened={confirmOpened}
          onClose={() => setConfirmOpened(false)}
          title={`Turn the portal off for ${turningOff?.Name ?? ''}?`}
          confirmLabel="Turn portal off"
          onConfirm={() => turningOff && setPortal(turningOff, false)}
        >
          <Text size="sm">
            {turningOff?.Name} loses access to the client portal at once: they cannot sign in or see
            their saved searches and carts until the portal is turned on again. They stay in this
            group.
          </Text>
        </ConfirmDialog>
      )}
      {canEdit && contact && (
        <Suspense fallback={null}>
          <ContactPanel
            contact={contact}
            member={group.Users.find((user) => user.Id === contact.Id) ?? contact}
            email={emails.data ? (emails.data.get(contact.Id) ?? null) : undefined}
            opened={panelOpened}
            onTogglePortal={togglePortal}
            onClose={() => {
              setPanelOpened(false);
              // The lazy panel mounts open, so Mantine does not return focus on the first close.
              requestAnimationFrame(() => contactTrigger.current?.focus());
            }}
          />
        </Suspense>
      )}
      {canEdit && dialogRequested && (
        <Suspense fallback={null}>
          <AddMembersDialog
            group={group}
            opened={dialogOpened}
            onClose={() => setDialogOpened(false)}
            onAdd={add}
          />
        </Suspense>
      )}
    </Stack>
  );
}
