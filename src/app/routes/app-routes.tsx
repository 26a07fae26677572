import type { ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react-router/v7';
import { Outlet, redirect } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { paths, routePatterns } from '../account/paths.js';
import { sessionQueryOptions } from '../data/session.js';
import { registerPageCode } from '../ui/page-code.js';
import { PageLoader } from '../ui/page-loader.js';
import { AppLayout } from './app-layout.js';
import { loader as groupsLoader } from './groups-loader.js';
import { NotFoundPage } from './not-found-page.js';
import { RootError } from './route-error.js';
import type { PageModule } from './route-inputs.js';
import { SignedOutPage } from './signed-out-page.js';

/**
 * Each page's code, loaded on demand: by its route (React Router waits for it before the page's
 * loader runs), or earlier on intent (a pointer resting on, a finger on, or focus on a link to it).
 */
const pageModules = {
  groups: () => import('./groups-page.js'),
  newGroup: () => import('./new-group-page.js'),
  group: () => import('./group-page.js'),
  audit: () => import('./audit-page.js'),
  needsAttention: () => import('./needs-attention-page.js'),
} satisfies Record<string, () => Promise<PageModule>>;
registerPageCode(pageModules);

/**
 * What every page sits in: the address's state for pages that keep theirs there (nuqs). Other
 * pages' code loads on intent (their links), never on a visit that only reads the list.
 */
function RootLayout({ children }: { children?: ReactNode }) {
  return (
    <NuqsAdapter>
      <Outlet />
      {children}
    </NuqsAdapter>
  );
}

/** The pages inside an account, the same for the own account and under `/for/:agentId`. */
function accountPages(queryClient: QueryClient): RouteObject[] {
  const page = (load: () => Promise<PageModule>) => async () => {
    const { Component, loader, ErrorBoundary } = await load();
    return { Component, ErrorBoundary, loader: loader(queryClient) };
  };
  return [
    { index: true, loader: ({ params }) => redirect(paths.groups(params.agentId ?? null)) },
    {
      // The home page's loader is part of the entry, so on a first visit its read starts as the
      // router is made, beside the sign-in check, not after the page's code has arrived.
      path: routePatterns.groups,
      loader: groupsLoader(queryClient),
      lazy: {
        Component: async () => (await pageModules.groups()).Component,
        ErrorBoundary: async () => (await pageModules.groups()).ErrorBoundary,
      },
    },
    { path: routePatterns.newGroup, lazy: page(pageModules.newGroup) },
    { path: routePatterns.group, lazy: page(pageModules.group) },
    { path: routePatterns.audit, lazy: page(pageModules.audit) },
    { path: routePatterns.needsAttention, lazy: page(pageModules.needsAttention) },
    { path: '*', element: <NotFoundPage /> },
  ];
}

/**
 * Every client route: the signed-out page, and an account's pages behind the auth gate, for the
 * own account and under `/for/:agentId` for an agent. `extra` renders on every page (tests put a
 * location probe there).
 */
export function appRoutes(queryClient: QueryClient, extra?: ReactNode): RouteObject[] {
  return [
    {
      element: <RootLayout>{extra}</RootLayout>,
      errorElement: <RootError />,
      // Shown while the first page's code loads; the sign-in check starts beside it.
      hydrateFallbackElement: <PageLoader label="Checking your sign-in" />,
      loader: () => {
        void queryClient.prefetchQuery(sessionQueryOptions());
        return null;
      },
      // The sign-in check is the query's to refresh, not every navigation's.
      shouldRevalidate: () => false,
      children: [
        { path: routePatterns.signedOut, element: <SignedOutPage /> },
        { path: '/', element: <AppLayout />, children: accountPages(queryClient) },
        { path: routePatterns.agent, element: <AppLayout />, children: accountPages(queryClient) },
      ],
    },
  ];
}
