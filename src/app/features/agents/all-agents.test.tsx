import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { setupRealBackend, type Session } from '../../testing/real-backend.js';
import { renderApp } from '../../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
let jordan: Session;
let riley: Session;
let jordanGroups: PortalGroup[];
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  await avery.replaceGroups([
    { owner: 'Ann Avery', members: ['One', 'Two'], favorite: true },
    { owner: 'Bob Avery' },
  ]);
  jordan = await backend.signIn('Jordan Lee');
  jordanGroups = await jordan.replaceGroups([
    { owner: 'Cat Jordan', members: ['One'], favorite: true },
  ]);
  riley = await backend.signIn('Riley Park');
  await backend.addAgent(riley, 'Avery Stone');
  await backend.addAgent(riley, 'Jordan Lee');
});

function rows() {
  return within(screen.getByRole('table', { name: 'Portal groups of all my agents' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent,
      within(row).getAllByRole('cell')[0]?.textContent,
    ]);
}

describe('all my agents', () => {
  it('lists every agent’s groups labelled with the agent, with the whole-book filters and sorts', async () => {
    backend.browseAs(riley);
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: 'All my agents' }));
    expect(await screen.findByText('3 of 3 groups of 2 agents')).toBeVisible();
    expect(rows()).toEqual([
      ['Ann Avery', 'Avery Stone'],
      ['Bob Avery', 'Avery Stone'],
      ['Cat Jordan', 'Jordan Lee'],
    ]);
    await user.click(screen.getByRole('checkbox', { name: 'Favorites only' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort all groups by' }),
      'members',
    );
    expect(rows()).toEqual([
      ['Ann Avery', 'Avery Stone'],
      ['Cat Jordan', 'Jordan Lee'],
    ]);
    // A navigation runs the route's loader first, so the address follows a moment later.
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/groups?agents=all&fav=1&by=members',
      ),
    );
  });

  it('opens a group under its own agent', async () => {
    const [jordanGroup] = jordanGroups;
    backend.browseAs(riley);
    const { user } = renderApp(`/for/${avery.user.Id}/groups?agents=all`);
    const link = await screen.findByRole('link', { name: 'Cat Jordan' });
    expect(link).toHaveAttribute('href', `/for/${jordan.user.Id}/groups/${jordanGroup?.Id}`);
    await user.click(link);
    expect(
      await screen.findByRole('status', { name: 'You are working for Jordan Lee' }),
    ).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${jordan.user.Id}/groups/${jordanGroup?.Id}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Cat Jordan/ })).toBeVisible();
  });

  it('comes back from a group opened there to All my agents, with its filters', async () => {
    const [jordanGroup] = jordanGroups;
    backend.browseAs(riley);
    const { user } = renderApp('/groups?agents=all&fav=1&by=members');
    await user.click(await screen.findByRole('link', { name: 'Cat Jordan' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Cat Jordan/ })).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${jordan.user.Id}/groups/${jordanGroup?.Id}`);
    const back = within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
      name: 'Groups',
    });
    expect(back).toHaveAttribute('href', '/groups?agents=all&fav=1&by=members');
    await user.click(back);
    expect(await screen.findByText('2 of 3 groups of 2 agents')).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Favorites only' })).toBeChecked();
    expect(screen.getByTestId('location')).toHaveTextContent(
      /^\/groups\?agents=all&fav=1&by=members$/,
    );
    expect(screen.queryByRole('status', { name: /You are working for/ })).not.toBeInTheDocument();
  });
});
