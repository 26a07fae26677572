import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/spark/demo-accounts.js';
import { SparkApiError } from '../api/spark-fetch.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

// What the pages' code does in this file: the audit page's code cannot be fetched (as after a
// deploy removed it), and the new-group page breaks while it renders. A failure the real server
// cannot be made to cause, so the two modules stand in for the real ones here.
const failures = vi.hoisted(() => ({ render: new Error('x is undefined') as Error }));
vi.mock('./audit-page.js', () => ({
  // How the browser fails an import() whose file is gone; read when the router loads the page.
  get Component() {
    throw new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1/assets/audit-page-1a2b3c.js',
    );
  },
}));
// The whole module stands in (not a spread of the original): the app preloads page modules side by
// side, and a factory still awaiting the original could hand the original to a concurrent import.
vi.mock('./new-group-page.js', async () => ({
  loader: () => () => null,
  ErrorBoundary: (await import('./route-error.js')).PageError,
  Component: () => {
    throw failures.render;
  },
}));

const backend = setupRealBackend();
const forAvery = `/for/${DEMO_ACCOUNTS.avery.id}`;
let riley: Session;
beforeAll(async () => {
  riley = await backend.signIn('Riley Park');
  await backend.addAgent(riley, 'Avery Stone');
});

describe('when a page cannot be shown', () => {
  it('offers Reload when its code cannot be fetched', async () => {
    backend.browseAs(riley);
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: /^Working for/ }));
    // The menu's code loads after the first paint: on a busy machine that takes a while.
    await user.click(
      await screen.findByRole('menuitem', { name: 'Audit trail' }, { timeout: 15_000 }),
    );
    const alert = await screen.findByRole('alert', { name: 'This page needs a reload' });
    expect(alert).toHaveTextContent('Part of the app could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(within(alert).queryByText(/request id/)).not.toBeInTheDocument();
    expect(document.title).toBe('Reload needed · Portal Groups Admin');
  });

  it('says what went wrong in its place, with the request id, keeping the header', async () => {
    failures.render = new SparkApiError('Boom', 500, 1026, undefined, 'req-7f3a');
    backend.browseAs(riley);
    renderApp('/groups/new');
    const alert = await screen.findByRole('alert', { name: 'Something went wrong' });
    expect(alert).toHaveTextContent('Something went wrong on the server. Please try again.');
    expect(alert).toHaveTextContent('quote the request id req-7f3a');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(within(alert).getByRole('link', { name: 'Go to your groups' })).toHaveAttribute(
      'href',
      '/groups',
    );
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('keeps the way back inside the agent worked for, and names an unexpected failure plainly', async () => {
    failures.render = new TypeError("Cannot read properties of undefined (reading 'Users')");
    backend.browseAs(riley);
    renderApp(`${forAvery}/groups/new`);
    const alert = await screen.findByRole('alert', { name: 'Something went wrong' });
    expect(alert).toHaveTextContent('The app ran into a problem it did not expect');
    expect(within(alert).getByRole('link', { name: 'Go to your groups' })).toHaveAttribute(
      'href',
      `${forAvery}/groups`,
    );
    expect(screen.getByRole('status', { name: 'You are working for Avery Stone' })).toBeVisible();
  });

  it('shows "Page not found" for an unknown address under an agent, the way back staying there', async () => {
    backend.browseAs(riley);
    renderApp(`${forAvery}/nowhere`);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to your groups' })).toHaveAttribute(
      'href',
      `${forAvery}/groups`,
    );
  });
});
