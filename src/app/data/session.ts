import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { sessionAnswerSchema } from '../../shared/agents.js';
import type { SessionAnswer } from '../../shared/agents.js';
import { authRequest, SparkApiError } from '../api/spark-fetch.js';

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/** Signed in, or signed out (`ended` when the session expired while the app was open). */
export interface SessionState {
  /** The user's own identity and the agents added to the session. */
  user: SessionAnswer | null;
  ended?: boolean;
}

async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    const user = await authRequest(sessionAnswerSchema, '/auth/session', { signal });
    return { user };
  } catch (error) {
    if (error instanceof SparkApiError && error.status === 401) return { user: null, ended: false };
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** The signed-in user (pages render behind the auth gate, so normally present). */
export function useSessionUser(): SessionAnswer | null {
  return useSession().data?.user ?? null;
}

/** Agents (Private) change groups; consumers (VOW/Portal) only read them. */
export function useCanEdit(): boolean {
  return useSessionUser()?.Role === 'Private';
}

/** A consumer (VOW/Portal): works in one of their circles or on their own ("As Portal Group"). */
export function useIsConsumer(): boolean {
  const role = useSessionUser()?.Role;
  return role === 'VOW' || role === 'Portal';
}

export function markSessionEnded(queryClient: QueryClient) {
  // A read refused before the session check answered (one started beside it on a first visit)
  // ends nothing: the check says whether there is a session at all.
  if (!queryClient.getQueryData<SessionState>(authKeys.session())?.user) return;
  queryClient.setQueryData<SessionState>(authKeys.session(), { user: null, ended: true });
}
