import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { sessionAnswerSchema } from '../../shared/agents.js';
import type { SessionAnswer } from '../../shared/agents.js';
import { setOwnAccountId } from '../api/acting-for.js';
import { APP_HEADER, SparkApiError } from '../api/spark-fetch.js';

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

export async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  let response: Response;
  try {
    response = await fetch('/auth/session', {
      credentials: 'same-origin',
      headers: { ...APP_HEADER, Accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SparkApiError('Network error', 0, 0);
  }
  if (response.status === 401) return { user: null, ended: false };
  if (!response.ok)
    throw new SparkApiError(`HTTP ${response.status}`, response.status, response.status);
  const parsed = sessionAnswerSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new SparkApiError('Unexpected answer from the server', 200, -1);
  setOwnAccountId(parsed.data.Id);
  return { user: parsed.data };
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

export function markSessionEnded(queryClient: QueryClient) {
  queryClient.setQueryData<SessionState>(authKeys.session(), { user: null, ended: true });
}

export function signInUrl(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
