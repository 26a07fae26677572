import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  createMemoryRouter,
  createRoutesFromElements,
  Route,
  RouterProvider,
} from 'react-router-dom';
import { afterEach } from 'vitest';
import { AppProviders } from '../app.js';
import { createQueryClient } from '../query-client.js';
import { appRoutes } from '../routes/app-routes.js';
import { LocationProbe } from './location-probe.js';

const routers: { dispose: () => void }[] = [];
afterEach(() => routers.splice(0).forEach((router) => router.dispose()));

interface Options {
  /** By default the app's own, with retries off so failures show at once. */
  queryClient?: QueryClient;
  /** Rendered on every page, beside the location probe. */
  extra?: ReactNode;
}

/**
 * The whole app at `url` (a real address, e.g. `/for/<agentId>/groups/<Id>`) with its real
 * providers and routes, loaders included, as main.tsx mounts it; the address bar is jsdom's.
 */
export function renderApp(url: string, options: Options = {}) {
  window.history.replaceState(null, '', url);
  const queryClient = options.queryClient ?? createQueryClient({ retry: false });
  const router = createBrowserRouter(
    appRoutes(
      queryClient,
      <>
        <LocationProbe />
        {options.extra}
      </>,
    ),
  );
  return { ...renderRouter(router, queryClient), router };
}

type TestRouter = ReturnType<typeof createBrowserRouter>;

/** A router inside the app's real providers; it is disposed after the test. */
function renderRouter(router: TestRouter, queryClient: QueryClient) {
  routers.push(router);
  const user = userEvent.setup();
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, user, queryClient };
}

interface ComponentOptions {
  /** The URL the router starts at. */
  route?: string;
  /** The route pattern the element is mounted at, e.g. `/groups/:groupId`. */
  path?: string;
  queryClient?: QueryClient;
  /** Extra routes, e.g. where a page navigates to. */
  extraRoutes?: ReactNode;
}

/**
 * One component inside the same real providers (theme, query cache, toasts, progress bar) and a
 * data router of its own, for a part of a page tested alone.
 */
export function renderWithProviders(ui: ReactElement, options: ComponentOptions = {}) {
  const queryClient = options.queryClient ?? createQueryClient({ retry: false });
  const router = createMemoryRouter(
    createRoutesFromElements(
      <>
        <Route path={options.path ?? '*'} element={ui} />
        {options.extraRoutes}
      </>,
    ),
    { initialEntries: [options.route ?? '/'] },
  );
  return renderRouter(router, queryClient);
}
