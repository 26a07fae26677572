import { act, screen, waitFor } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sparkError } from '../testing/msw.js';
import { uiStates } from '../testing/fixtures.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  await avery.replaceGroups([{ owner: 'Home Owner' }]);
});

afterEach(() => onlineManager.setOnline(true));

describe('app shell', () => {
  it('checks the session, then shows the header and redirects / to /groups', async () => {
    backend.browseAs(avery);
    renderApp('/');
    expect(screen.getByRole('status', { name: 'Checking your sign-in' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Portal Groups Admin' })).toBeVisible();
    expect(screen.getByText('Avery Stone')).toBeVisible();
    // On phones the name is hidden; Sign out still says who is signed in.
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveAttribute(
      'title',
      'Signed in as Avery Stone',
    );
    expect(screen.getByRole('button', { name: 'Toggle color scheme' })).toBeVisible();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Home Owner' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/groups$/);
  });

  it('shows a progress bar while data loads', async () => {
    backend.browseAs(avery);
    backend.msw.use(http.get('/api/v1/portal/groups', uiStates.loading));
    renderApp('/groups');
    expect(await screen.findByRole('progressbar', { name: 'Loading data' })).toBeInTheDocument();
  });

  it('offers "Sign in with Flexmls" coming back to the same page when signed out', async () => {
    backend.browseAs(null);
    renderApp('/groups?q=ann&page=2');
    const signIn = await screen.findByRole('link', { name: 'Sign in with Flexmls' });
    expect(signIn).toHaveAttribute(
      'href',
      `/auth/login?returnTo=${encodeURIComponent('/groups?q=ann&page=2')}`,
    );
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('says the session has ended when the API answers 401', async () => {
    backend.browseAs(avery);
    backend.msw.use(
      http.get('/api/v1/portal/groups', () => sparkError(401, 1020, 'Token expired')),
    );
    renderApp('/groups');
    expect(
      await screen.findByText('Your session has ended. Sign in again to continue.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in with Flexmls' })).toHaveAttribute(
      'href',
      `/auth/login?returnTo=${encodeURIComponent('/groups')}`,
    );
  });

  it('says a sign-in was declined, in its own words, not like a sign-out', async () => {
    backend.browseAs(null);
    renderApp('/signed-out?error=denied');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in failed');
    expect(alert).toHaveTextContent('Flexmls did not give this app access');
    expect(screen.queryByText(/You are signed out/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
  });

  it('shows a fixed text for an unknown reason, never the reason itself', async () => {
    backend.browseAs(null);
    renderApp('/signed-out?error=%3Cb%3Ehacked%3C%2Fb%3E');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Flexmls could not complete the sign-in',
    );
    expect(screen.getByRole('main')).not.toHaveTextContent('hacked');
    expect(document.querySelector('b')).toBeNull();
  });

  it('signs out with the app header and shows the signed-out page', async () => {
    const headers: (string | null)[] = [];
    // A session of its own: signing out ends it on the server.
    backend.browseAs(await backend.signIn('Avery Stone'));
    backend.msw.use(
      backend.route('post', '/auth/logout', {
        before: (request) => headers.push(request.headers.get('X-Requested-With')),
      }),
    );
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText(/You are signed out/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/signed-out');
    expect(headers).toEqual(['PortalGroupsAdmin']);
  });

  it('says so when signing out fails', async () => {
    backend.browseAs(avery);
    backend.msw.use(http.post('/auth/logout', () => HttpResponse.error()));
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Could not sign out')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('shows a not-found page for an unknown address', async () => {
    backend.browseAs(avery);
    renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to your groups' })).toHaveAttribute(
      'href',
      '/groups',
    );
  });

  it('shows an error with Retry when the session check fails', async () => {
    let fail = true;
    backend.browseAs(avery);
    backend.msw.use(
      // Fails until told otherwise; then the real session answers.
      http.get('/auth/session', () => (fail ? HttpResponse.json({}, { status: 502 }) : undefined)),
    );
    const { user } = renderApp('/groups');
    expect(await screen.findByText('Could not check your sign-in')).toBeVisible();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Home Owner' })).toBeVisible();
  });

  it('warns while offline', async () => {
    backend.browseAs(avery);
    renderApp('/groups');
    await screen.findByRole('link', { name: 'Home Owner' });
    act(() => onlineManager.setOnline(false));
    expect(screen.getByText("You're offline; changes will be sent when you're back")).toBeVisible();
    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(screen.queryByText(/You're offline/)).not.toBeInTheDocument());
  });

  it('says a list or a group not loaded before going offline is not available, then loads it', async () => {
    const home = (await avery.groups()).find((group) => group.Users[0]?.Name === 'Home Owner');
    const other = await avery.createGroup({ owner: 'Never Opened' });
    backend.browseAs(avery);
    // Only Home Owner's page is loaded: the list and Never Opened's page never were.
    const { router } = renderApp(`/groups/${home?.Id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Home Owner' })).toBeVisible();
    act(() => onlineManager.setOnline(false));

    await act(() => router.navigate('/groups'));
    expect(await screen.findByText("This list isn't available offline")).toBeVisible();
    expect(screen.queryByRole('table', { busy: true })).not.toBeInTheDocument();
    await act(() => router.navigate(`/groups/${other.Id}`));
    expect(await screen.findByText("This group isn't available offline")).toBeVisible();

    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('heading', { level: 1, name: 'Never Opened' })).toBeVisible();
    expect(screen.queryByText(/isn't available offline/)).not.toBeInTheDocument();
  });

  it('counts the changes waiting to send while offline', async () => {
    const group = await avery.createGroup({ owner: 'Queued Owner', members: ['Queued One'] });
    backend.browseAs(avery);
    const { user } = renderApp(`/groups/${group.Id}`);
    const favorites = await screen.findByRole('button', { name: 'Favorites' });
    act(() => onlineManager.setOnline(false));
    await user.click(favorites);
    expect(await screen.findByText('1 change waiting to send')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Remove Queued One' }));
    expect(await screen.findByText('2 changes waiting to send')).toBeVisible();

    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(screen.queryByText(/waiting to send/)).not.toBeInTheDocument());
    // The count drops as the writes resume, before the server has answered them: what a client
    // observes is the server's state once both are through.
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    await waitFor(async () => {
      const stored = await avery.group(group.Id);
      expect(stored.Tags).toContain('Favorites');
      expect(stored.Users.map((member) => member.Name)).toEqual(['Queued Owner']);
    });
  });

  it('switches between light and dark', async () => {
    backend.browseAs(avery);
    const { user } = renderApp('/groups');
    const toggle = await screen.findByRole('button', { name: 'Toggle color scheme' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });
});
