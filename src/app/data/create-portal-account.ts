import { useMutation, useQueryClient } from '@tanstack/react-query';
import { portalSettings } from '../../shared/contacts.js';
import { sparkWrite } from '../api/spark-fetch.js';
import { contactKeys } from './contact-keys.js';

export function createPortalAccount(contactId: string) {
  return sparkWrite({
    method: 'POST',
    path: `/contacts/${encodeURIComponent(contactId)}/portal`,
    body: portalSettings(true),
  });
}

export function useCreatePortalAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: { Id: string; DisplayName: string }) => createPortalAccount(contact.Id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactKeys.all }),
  });
}
