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
 * The account an address is for, once the session is known: a loader starts its page's reads only
 * then (the first load checks the session first, and a signed-out visitor's reads would only be
 * refused). Loaders never wait for the reads they start, so a page renders at once.
 */
export function signedInAccount(queryClient: QueryClient, params: Params): Account | null {
  const user = queryClient.getQueryData<SessionState>(authKeys.session())?.user;
  if (!user) return null;
  return params.agentId ? agentAccount(params.agentId) : ownAccount(user.Id);
}

/** A parameter the route's pattern requires; an address without it is not a page. */
export function requiredParam(params: Params, name: string): string {
  const value = params[name];
  if (!value) throw data(null, { status: 404 });
  return value;
}
