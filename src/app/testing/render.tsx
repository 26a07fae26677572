import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryRouter,
  createRoutesFromElements,
  Route,
  RouterProvider,
} from 'react-router-dom';
import { theme } from '../ui/theme.js';
import { ToastDock } from '../ui/toast-dock.js';

export function makeTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

interface Options {
  /** The URL the router starts at. */
  route?: string;
  /** The route pattern the element is mounted at, e.g. `/groups/:groupId`. */
  path?: string;
  queryClient?: QueryClient;
  /** Extra routes, e.g. where a page navigates to. */
  extraRoutes?: ReactNode;
}

/** Renders inside the app's providers, the way the app mounts pages. */
export function renderWithProviders(ui: ReactElement, options: Options = {}) {
  const queryClient = options.queryClient ?? makeTestQueryClient();
  // A data router, as the app has: pages may use its hooks (useBlocker, useNavigation).
  const router = createMemoryRouter(
    createRoutesFromElements(
      <>
        <Route path={options.path ?? '*'} element={ui} />
        {options.extraRoutes}
      </>,
    ),
    { initialEntries: [options.route ?? '/'] },
  );
  const user = userEvent.setup();
  const result = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <ToastDock />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, user, queryClient };
}
