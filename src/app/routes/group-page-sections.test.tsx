import { screen, within } from '@testing-library/react';
import { beforeAll, expect, it, vi } from 'vitest';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

// The shares section's code cannot be fetched, as offline when only the page's own code came ahead.
vi.mock('../features/shares/components/shared-in-this-circle.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: shared-in-this-circle.js');
});

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

it("keeps the circle's members on screen when a section's code cannot be fetched", async () => {
  const group = await avery.createGroup({ owner: 'Section Owner', members: ['Section Member'] });
  backend.browseAs(avery);
  renderApp(`/groups/${group.Id}`);
  expect(await screen.findByRole('heading', { level: 1, name: 'Section Owner' })).toBeVisible();
  const notice = await screen.findByRole('status', {
    name: 'What this circle shares could not be shown',
  });
  expect(within(notice).getByRole('button', { name: 'Reload' })).toBeVisible();
  const members = screen.getByRole('table', { name: 'Members' });
  expect(within(members).getByText('Section Member')).toBeVisible();
  expect(screen.queryByText('This page needs a reload')).not.toBeInTheDocument();
});
