import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../shared/audit.js';
import { DEMO_ACCOUNTS } from '../../server/spark/demo-accounts.js';
import { setupRealBackend } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend();

const MARKUP_ACTION = '<img src=x onerror=alert(1)> Remove member';

describe('audit page', () => {
  it('shows the own trail newest first, paged, with the CSV export', async () => {
    // Riley, the demo assistant, adds Avery (the oldest entry), makes 23 changes for her, one
    // of his own that fails (no such group of his), then the newest change, for Avery again:
    // 26 entries, so the oldest is alone on page 2.
    const riley = await backend.signIn('Riley Park');
    await backend.addAgent(riley, 'Avery Stone');
    const forAvery = `/api/agents/${DEMO_ACCOUNTS.avery.id}/v1/portal/groups`;
    const [group] = await riley.groups(DEMO_ACCOUNTS.avery.id);
    if (!group) throw new Error('Avery has no group');
    const change = (prefix: string) =>
      riley.call('PUT', `${prefix}/${group.Id}`, { D: { Tags: group.Tags } });
    for (let n = 0; n < 23; n += 1) expect((await change(forAvery)).ok).toBe(true);
    expect((await change('/api/v1/portal/groups')).status).toBe(404);
    expect((await change(forAvery)).ok).toBe(true);

    const pages: string[] = [];
    backend.browseAs(riley);
    backend.msw.use(
      backend.route('get', '/auth/audit', {
        before: (request) => pages.push(new URL(request.url).search),
        // The server words the actions, some with a name Spark gave (Add agent …): here, markup.
        edit: async (response) => {
          const body = auditPageSchema.parse(await response.json());
          const [newest] = body.D.Results;
          if (body.D.Pagination.CurrentPage === 1 && newest) newest.Action = MARKUP_ACTION;
          return HttpResponse.json(body, response);
        },
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
    expect(rows).toHaveLength(25);
    expect(rows[0]).toHaveTextContent('Avery Stone');
    // What was typed is shown as text, never run as markup.
    expect(rows[0]).toHaveTextContent(MARKUP_ACTION);
    expect(table.querySelector('img')).toBeNull();
    expect(rows[1]).toHaveTextContent('Riley Park (you)');
    expect(rows[1]).toHaveTextContent(`Change group ${group.Id}`);
    expect(rows[1]).toHaveTextContent('Failed (404)');
    expect(rows[2]).toHaveTextContent(`Change group ${group.Id}`);
    expect(rows[2]).toHaveTextContent('Succeeded');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/auth/audit.csv',
    );
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('Add agent Avery Stone')).toBeVisible();
    expect(pages).toEqual(['?_page=1&_limit=25', '?_page=2&_limit=25']);
  });

  it('is reached from the "Working for" menu', async () => {
    // Jordan has changed nothing through the app.
    backend.browseAs(await backend.signIn('Jordan Lee'));
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Audit trail' }));
    expect(await screen.findByRole('heading', { name: 'Audit trail' })).toBeVisible();
    expect(await screen.findByText(/No changes yet/)).toBeVisible();
  });
});
