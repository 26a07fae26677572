import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { WorkingForRouter } from '../features/agents/working-for.js';
import { createQueryClient } from '../query-client.js';
import { appRoutes } from '../routes/app-routes.js';
import { theme } from '../ui/theme.js';
import { LocationProbe } from './location-probe.js';

/** The whole app at `url` (a real address, e.g. `/for/<agentId>/groups`), as main.tsx mounts it. */
export function renderApp(url: string) {
  window.history.replaceState(null, '', url);
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup();
  const result = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <Notifications />
        <WorkingForRouter routes={appRoutes(queryClient, <LocationProbe />)} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, user, queryClient };
}
