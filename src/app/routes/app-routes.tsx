import { useEffect } from 'react';
import type { ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { lazyWithPreload } from 'react-lazy-with-preload';
import { Navigate, Outlet } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { parseAgentPath } from '../api/acting-for.js';
import { prefetchGroupPage } from '../data/get-group.js';
import { groupsQueryOptions } from '../data/get-groups.js';
import { authKeys } from '../data/session.js';
import type { SessionState } from '../data/session.js';
import { readListParams } from '../features/groups/list-params.js';
import { PageLoader } from '../ui/page-loader.js';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';
import { SignedOutPage } from './signed-out-page.js';

// Pages load on demand, but ahead of need: a page whose code is already here renders at once,
// where a lazy page that suspends is held back by React for up to 300 ms after its code arrives.
const GroupsPage = lazyWithPreload(() =>
  import('./groups-page.js').then((m) => ({ default: m.GroupsPage })),
);
const NewGroupPage = lazyWithPreload(() =>
  import('./new-group-page.js').then((m) => ({ default: m.NewGroupPage })),
);
const GroupPage = lazyWithPreload(() =>
  import('./group-page.js').then((m) => ({ default: m.GroupPage })),
);
const AuditPage = lazyWithPreload(() =>
  import('./audit-page.js').then((m) => ({ default: m.AuditPage })),
);

const isHome = /^\/(groups\/?)?$/.test(parseAgentPath(window.location.pathname).page);
// The home page's code loads alongside the sign-in check, not after it.
if (isHome) void GroupsPage.preload();

/** Once the first page is up, fetches the other pages' code while the user reads it. */
function PreloadPages({ children }: { children?: ReactNode }) {
  useEffect(() => {
    const preloadAll = () => [GroupsPage, GroupPage, NewGroupPage].forEach((p) => void p.preload());
    // jsdom and older Safari have no requestIdleCallback.
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(preloadAll, 200);
      return () => clearTimeout(timer);
    }
    const id = window.requestIdleCallback(preloadAll);
    return () => window.cancelIdleCallback(id);
  }, []);
  return (
    <>
      <Outlet />
      {children}
    </>
  );
}

/**
 * A page's data starts loading at navigation, beside its code, instead of after the page renders.
 * Only once signed in: the first load checks the session first (the auth gate), and a signed-out
 * visitor's reads would only be refused.
 */
function whenSignedIn(queryClient: QueryClient, start: () => void) {
  if (queryClient.getQueryData<SessionState>(authKeys.session())?.user) start();
  return null;
}

/**
 * Every client route; signed-in pages sit behind the auth gate in the layout. `extra` renders on
 * every page (tests put a location probe there).
 */
export function appRoutes(queryClient: QueryClient, extra?: ReactNode): RouteObject[] {
  return [
    {
      element: <PreloadPages>{extra}</PreloadPages>,
      // Shown while the first address's loaders run (they return at once; see whenSignedIn).
      hydrateFallbackElement: <PageLoader label="Checking your sign-in" />,
      children: [
        { path: '/signed-out', element: <SignedOutPage /> },
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <Navigate to="/groups" replace /> },
            {
              path: '/groups',
              element: <GroupsPage />,
              loader: ({ request }) =>
                whenSignedIn(queryClient, () => {
                  const params = readListParams(new URL(request.url).searchParams);
                  void queryClient.prefetchQuery(groupsQueryOptions(params));
                }),
            },
            { path: '/groups/new', element: <NewGroupPage /> },
            {
              path: '/groups/:groupId',
              element: <GroupPage />,
              loader: ({ params }) =>
                whenSignedIn(queryClient, () =>
                  prefetchGroupPage(queryClient, params.groupId ?? ''),
                ),
            },
            { path: '/audit', element: <AuditPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
