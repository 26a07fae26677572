import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit.js';
import { assistant, averyAgent } from '../testing/fixtures.js';
import { setupMswServer } from '../testing/msw.js';
import { renderApp } from '../testing/render-app.js';
import { sessionHandler } from '../testing/session-handler.js';

const server = setupMswServer();

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    Id: '1',
    At: '2026-11-30T18:00:00.000Z',
    ActorId: assistant.Id,
    ActorName: assistant.Name,
    ForId: averyAgent.Id,
    ForName: averyAgent.Name,
    Method: 'PUT',
    Path: '/v1/portal/groups/1',
    Action: 'Change portal group 1',
    Status: 200,
    Outcome: 'Succeeded',
    ...overrides,
  };
}

describe('audit page', () => {
  it('shows the own trail newest first, paged, with the CSV export', async () => {
    const pages: string[] = [];
    server.use(
      sessionHandler({ ...assistant, Agents: [averyAgent] }),
      http.get('/auth/audit', ({ request }) => {
        const url = new URL(request.url);
        pages.push(url.search);
        const page = Number(url.searchParams.get('_page'));
        const results =
          page === 1
            ? [
                entry({ Id: '2', Action: '<img src=x onerror=alert(1)> Remove member' }),
                entry({
                  Id: '1',
                  ForId: assistant.Id,
                  ForName: assistant.Name,
                  Outcome: 'Failed',
                  Status: 403,
                  Code: 1015,
                }),
              ]
            : [entry({ Id: '0', Action: 'Add agent Avery Stone' })];
        return HttpResponse.json({
          D: {
            Success: true,
            Results: results,
            Pagination: { TotalRows: 3, PageSize: 25, TotalPages: 2, CurrentPage: page },
          },
        });
      }),
    );
    const { user } = renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'Your changes, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['When', 'For', 'Action', 'Outcome']);
    expect(await within(table).findByText('Riley Park (you)')).toBeVisible();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Avery Stone');
    // What was typed is shown as text, never run as markup.
    expect(rows[0]).toHaveTextContent('<img src=x onerror=alert(1)> Remove member');
    expect(table.querySelector('img')).toBeNull();
    expect(rows[1]).toHaveTextContent('Riley Park (you)');
    expect(rows[1]).toHaveTextContent('Failed (1015)');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/auth/audit.csv',
    );
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('Add agent Avery Stone')).toBeVisible();
    expect(pages).toEqual(['?_page=1&_limit=25', '?_page=2&_limit=25']);
  });

  it('is reached from the "Working for" menu', async () => {
    server.use(
      sessionHandler({ ...assistant, Agents: [] }),
      http.get('/api/v1/portal/groups', () =>
        HttpResponse.json({ D: { Success: true, Results: [] } }),
      ),
      http.get('/auth/audit', () =>
        HttpResponse.json({
          D: {
            Success: true,
            Results: [],
            Pagination: { TotalRows: 0, PageSize: 25, TotalPages: 0, CurrentPage: 1 },
          },
        }),
      ),
    );
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Audit trail' }));
    expect(await screen.findByRole('heading', { name: 'Audit trail' })).toBeVisible();
    expect(screen.getByText(/No changes yet/)).toBeVisible();
  });
});
