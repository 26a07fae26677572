import { useRef } from 'react';
import { Button } from '@mantine/core';
import type { Contact } from '../../../../shared/contacts.js';
import { useCreatePortalAccount } from '../../../data/create-portal-account.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';

interface Props {
  contact: Pick<Contact, 'Id' | 'DisplayName'>;
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
            notifySuccess(`Portal account created for ${contact.DisplayName}`);
            onCreated?.();
          },
          (error: unknown) => {
            sending.current = false;
            notifyError('Portal account not created', error);
          },
        );
      }}
    >
      Create portal account
    </Button>
  );
}
