import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { APP_HEADER, SparkApiError } from '../api/spark-fetch.js';
import { notifyError } from '../ui/notify.js';
import { authKeys } from './session.js';
import type { SessionState } from './session.js';

export async function signOut(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...APP_HEADER },
    });
  } catch {
    throw new SparkApiError('Network error', 0, 0);
  }
  if (!response.ok)
    throw new SparkApiError(`HTTP ${response.status}`, response.status, response.status);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData<SessionState>(authKeys.session(), { user: null, ended: false });
      void navigate('/signed-out', { replace: true });
    },
    onError: (error) => notifyError('Could not sign out', error),
  });
}
