import { createContext, use, useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { actingFor, agentBasename, parseAgentPath, setActingFor } from '../../api/acting-for.js';

export interface WorkingFor {
  /** The agent this tab works for; null for the user's own account. */
  agentId: string | null;
  /** Moves this tab to another account, at `page` (an app path such as `/groups`). */
  switchTo: (agentId: string | null, page?: string) => void;
}

/** The page to show after a switch: the audit trail stays, anything else starts at the list. */
export function pageAfterSwitch(pathname: string): string {
  return pathname.startsWith('/audit') ? '/audit' : '/groups';
}

const WorkingForContext = createContext<WorkingFor>({
  agentId: null,
  switchTo: () => undefined,
});

export function useWorkingFor(): WorkingFor {
  return use(WorkingForContext);
}

/**
 * The router, under `/for/<agentId>` while working for an agent. Switching remounts every page
 * (new query keys, no state carried over) and cancels the reads still running for the account
 * left, so none of them can answer into the new one.
 */
export function WorkingForRouter({ routes }: { routes: RouteObject[] }) {
  const queryClient = useQueryClient();
  const [agentId, setAgentId] = useState(() => {
    const fromPath = parseAgentPath(window.location.pathname).agentId;
    setActingFor(fromPath);
    return fromPath;
  });

  const apply = useCallback(
    (next: string | null) => {
      if (next === actingFor()) return;
      void queryClient.cancelQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      setActingFor(next);
      setAgentId(next);
    },
    [queryClient],
  );

  useEffect(() => {
    const onPopState = () => apply(parseAgentPath(window.location.pathname).agentId);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [apply]);

  const switchTo = useCallback(
    (next: string | null, page = '/groups') => {
      window.history.pushState(null, '', `${agentBasename(next)}${page}`);
      // Same account: the router only has to read the new address.
      if (next === actingFor()) window.dispatchEvent(new PopStateEvent('popstate'));
      else apply(next);
    },
    [apply],
  );

  const value = useMemo(() => ({ agentId, switchTo }), [agentId, switchTo]);
  // A new router per account: it reads the address afresh, under the account's basename.
  const router = useMemo(
    () => createBrowserRouter(routes, { basename: agentBasename(agentId) || undefined }),
    [routes, agentId],
  );
  useEffect(() => () => router.dispose(), [router]);
  return (
    <WorkingForContext value={value}>
      <RouterProvider router={router} />
    </WorkingForContext>
  );
}
