import { createContext, createElement, useContext, type ReactNode } from 'react';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { sessionAnswerSchema } from '../../shared/agents.js';
import type { SessionAnswer } from '../../shared/agents.js';
import { authRequest, SparkApiError } from '../api/spark-fetch.js';
import { SESSION_CHECK, takeEarlyRead } from '../boot/early-reads.js';
import { SparkCode } from '../../shared/spark-codes.js';

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  /** Set (true) once Spark refused a consumer's own read because their portal is off. */
  portalOff: () => [...authKeys.all, 'portal-off'] as const,
};

/** Signed in, or signed out (`ended` when the session expired while the app was open). */
export interface SessionState {
  /** The user's own identity and the agents added to the session. */
  user: SessionAnswer | null;
  ended?: boolean;
}

async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    const user = await authRequest(sessionAnswerSchema, SESSION_CHECK, {
      signal,
      sent: takeEarlyRead(SESSION_CHECK),
    });
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

const SessionContext = createContext<UseQueryResult<SessionState> | null>(null);

/**
 * The session's one query observer, for every component under it. Each `useSession` used to make
 * its own (every `useCanEdit`, `useSessionUser` and `useAccount`: dozens on a page), and on a
 * phone their set-up showed in the first render's profile.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  return createElement(SessionContext.Provider, { value: useQuery(sessionQueryOptions()) }, children);
}

export function useSession(): UseQueryResult<SessionState> {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside SessionProvider (see AppProviders)');
  return session;
}

/** The signed-in user (pages render behind the auth gate, so normally present). */
export function useSessionUser(): SessionAnswer | null {
  return useSession().data?.user ?? null;
}

/** Agents (Private) change groups; consumers (VOW/Portal) only read them. */
export function useCanEdit(): boolean {
  return useSessionUser()?.Role === 'Private';
}

/** `useCanEdit` outside a render (an event handler), from the session the cache holds. */
export function canEditNow(queryClient: QueryClient): boolean {
  return queryClient.getQueryData<SessionState>(authKeys.session())?.user?.Role === 'Private';
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

/** Consumers (VOW/Portal) sign in with their portal account. */
export function isConsumer(user: SessionAnswer | null | undefined): boolean {
  return user?.Role === 'VOW' || user?.Role === 'Portal';
}

/**
 * A consumer's own read refused with 403, Code 1500: Spark answers so to every call of a
 * consumer whose portal account the agent turned off (until it is on again). No retry helps.
 */
export function markPortalTurnedOff(queryClient: QueryClient, error: unknown) {
  if (
    !(error instanceof SparkApiError) ||
    error.forAgent !== null ||
    error.status !== 403 ||
    error.code !== SparkCode.RoleForbidden
  )
    return;
  if (!isConsumer(queryClient.getQueryData<SessionState>(authKeys.session())?.user)) return;
  queryClient.setQueryData(authKeys.portalOff(), true);
}

export function usePortalTurnedOff(): boolean {
  return useQuery({ queryKey: authKeys.portalOff(), queryFn: skipToken }).data === true;
}
