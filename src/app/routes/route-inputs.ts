import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router-dom';
import type { LoaderFunction, Params } from 'react-router-dom';
import { agentAccount, ownAccount } from '../account/account.js';
import type { Account } from '../account/account.js';
import { authKeys } from '../data/session.js';
import type { SessionState } from '../data/session.js';

/** A page module: its component, its loader (given the app's query client) and error boundary. */
export interface PageModule {
  Component: React.ComponentType;
  loader: (queryClient: QueryClient) => LoaderFunction;
  ErrorBoundary: React.ComponentType;
}

/**
 * The account whose reads a loader starts: the own account's at once, so that on a first visit the
 * page's read goes out beside the session check rather than after it (for a signed-out visitor it
 * is refused and changes nothing: the check decides what they see); an agent's under
 * `/for/:agentId` once the session, which holds the agents, is known. None when signed out. Loaders
 * never wait for the reads they start, so a page renders at once.
 */
export function loaderAccount(queryClient: QueryClient, params: Params): Account | null {
  const session = queryClient.getQueryData<SessionState>(authKeys.session());
  if (session && !session.user) return null;
  if (params.agentId) return session?.user ? agentAccount(params.agentId) : null;
  return ownAccount(session?.user?.Id);
}

/** A parameter the route's pattern requires; an address without it is not a page. */
export function requiredParam(params: Params, name: string): string {
  const value = params[name];
  if (!value) throw data(null, { status: 404 });
  return value;
}
