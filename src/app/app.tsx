import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import type { createBrowserRouter } from 'react-router-dom';
import { SessionProvider } from './data/session.js';
import { guardPendingWrites } from './pending-writes-guard.js';
import { ProgressBar } from './ui/progress-bar.js';
import { ToastDock } from './ui/toast-dock.js';
import { cssVariablesResolver, theme } from './ui/theme.js';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'portal-groups-color-scheme' });

interface ProvidersProps {
  queryClient: QueryClient;
  /** Tests render without transitions and portals' delays (Mantine's `env="test"`). */
  env?: 'default' | 'test';
  children: ReactNode;
}

/** What every screen of the app sits in: theme, query cache, notifications, progress bar. */
export function AppProviders({ queryClient, env, children }: ProvidersProps) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      // The theme's variables ship as CSS (theme-variables.css), not worked out at run time.
      withCssVariables={false}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      env={env}
    >
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <ToastDock />
          <ProgressBar />
          {children}
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

interface AppProps {
  queryClient: QueryClient;
  router: ReturnType<typeof createBrowserRouter>;
}

export function App({ queryClient, router }: AppProps) {
  useEffect(() => guardPendingWrites(queryClient), [queryClient]);
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
