import { useEffect, useMemo, useState } from 'react';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { WorkingForRouter } from './features/agents/working-for.js';
import { createQueryClient } from './query-client.js';
import { guardPendingWrites } from './pending-writes-guard.js';
import { appRoutes } from './routes/app-routes.js';
import { ProgressBar } from './ui/progress-bar.js';
import { cssVariablesResolver, theme } from './ui/theme.js';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'portal-groups-color-scheme' });

export function App() {
  const [queryClient] = useState(() => createQueryClient({ tabSync: true }));
  useEffect(() => guardPendingWrites(queryClient), [queryClient]);
  const routes = useMemo(() => appRoutes(queryClient), [queryClient]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" />
        <ProgressBar />
        <WorkingForRouter routes={routes} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
