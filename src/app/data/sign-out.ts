import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { forgetAnswers } from '../api/revalidation.js';
import { authRequest } from '../api/spark-fetch.js';
import { notifyError } from '../ui/notify.js';
import { authKeys } from './session.js';
import type { SessionState } from './session.js';

export function signOut(): Promise<void> {
  return authRequest(null, '/auth/logout', { method: 'POST' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.clear();
      forgetAnswers();
      queryClient.setQueryData<SessionState>(authKeys.session(), { user: null, ended: false });
      void navigate('/signed-out', { replace: true });
    },
    onError: (error) => notifyError('Could not sign out', error),
  });
}
