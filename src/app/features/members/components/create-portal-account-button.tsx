import { useRef } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Contact } from '../../../../shared/contacts.js';
import { errorMessage } from '../../../api/error-message.js';
import { useCreatePortalAccount } from '../../../data/create-portal-account.js';

interface Props {
  contact: Contact;
  /** Id of the element naming the contact, so screen readers know whose account it creates. */
  describedBy?: string;
  onCreated?: () => void;
}

export function CreatePortalAccountButton({ contact, describedBy, onCreated }: Props) {
  const createAccount = useCreatePortalAccount();
  // Stays set after success: the account exists, and this button goes once contacts refetch.
  const sending = useRef(false);
  return (
    <Button
      size="compact-sm"
      variant="light"
      aria-describedby={describedBy}
      loading={createAccount.isPending}
      onClick={() => {
        if (sending.current) return;
        sending.current = true;
        createAccount.mutateAsync(contact).then(
          () => {
            notifications.show({
              color: 'teal',
              message: `Portal account created for ${contact.DisplayName}`,
            });
            onCreated?.();
          },
          (error: unknown) => {
            sending.current = false;
            notifications.show({
              color: 'red',
              title: 'Portal account not created',
              message: errorMessage(error),
            });
          },
        );
      }}
    >
      Create portal account
    </Button>
  );
}
