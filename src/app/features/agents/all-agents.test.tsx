import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { groupsListHandler } from '../../test/fake-groups.js';
import { assistant, averyAgent, jordanAgent, makeGroup } from '../../test/fixtures.js';
import { setupMswServer } from '../../test/msw.js';
import { renderApp } from '../../test/render-app.js';
import { sessionHandler } from '../../test/session-handler.js';

const server = setupMswServer();

const averyGroups = [
  makeGroup(['Ann Avery', 'One', 'Two'], { Tags: ['Favorites'] }),
  makeGroup(['Bob Avery']),
];
const jordanGroups = [makeGroup(['Cat Jordan', 'One'], { Tags: ['Favorites'] })];

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
    server.use(
      sessionHandler({ ...assistant, Agents: [averyAgent, jordanAgent] }),
      groupsListHandler([], [], { actingFor: assistant.Id }),
      groupsListHandler(averyGroups, [], { agentId: averyAgent.Id }),
      groupsListHandler(jordanGroups, [], { agentId: jordanAgent.Id }),
    );
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
    server.use(
      sessionHandler({ ...assistant, Agents: [averyAgent, jordanAgent] }),
      groupsListHandler(averyGroups, [], { agentId: averyAgent.Id }),
      groupsListHandler(jordanGroups, [], { agentId: jordanAgent.Id }),
      http.get(`/api/agents/${jordanAgent.Id}/v1/portal/groups/:id`, () => {
        const response = HttpResponse.json({ D: { Success: true, Results: [jordanGroup] } });
        response.headers.set('X-Acting-For', jordanAgent.Id);
        return response;
      }),
      http.get(`/api/agents/${jordanAgent.Id}/v1/contacts`, () => {
        const response = HttpResponse.json({ D: { Success: true, Results: [] } });
        response.headers.set('X-Acting-For', jordanAgent.Id);
        return response;
      }),
    );
    const { user } = renderApp(`/for/${averyAgent.Id}/groups?agents=all`);
    const link = await screen.findByRole('link', { name: 'Cat Jordan' });
    expect(link).toHaveAttribute('href', `/for/${jordanAgent.Id}/groups/${jordanGroup?.Id}`);
    await user.click(link);
    expect(
      await screen.findByRole('status', { name: 'You are working for Jordan Lee' }),
    ).toBeVisible();
    expect(window.location.pathname).toBe(`/for/${jordanAgent.Id}/groups/${jordanGroup?.Id}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Cat Jordan/ })).toBeVisible();
  });
});
