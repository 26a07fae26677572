import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../shared/audit.js';
import { DEMO_ACCOUNTS } from '../../server/spark/demo-accounts.js';
import { setupRealBackend } from '../testing/real-backend.js';
import { findNotification } from '../testing/notification.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend();

const MARKUP_NAME = '<img src=x onerror=alert(1)>';

describe('audit page', () => {
  it('is reached from the "Working for" menu', async () => {
    // Jordan has changed nothing through the app, nor has anyone for her (the first test).
    backend.browseAs(await backend.signIn('Jordan Lee'));
    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Audit trail' }));
    expect(await screen.findByRole('heading', { name: 'Audit trail' })).toBeVisible();
    expect(await screen.findByText(/No changes yet/)).toBeVisible();
  });

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
        // Names come from what the app and Spark showed: here, markup.
        edit: async (response) => {
          const body = auditPageSchema.parse(await response.json());
          const [newest] = body.D.Results;
          if (body.D.Pagination.CurrentPage === 1 && newest) newest.CircleName = MARKUP_NAME;
          return HttpResponse.json(body, response);
        },
      }),
    );
    const { user } = renderApp('/audit');
    const table = await screen.findByRole('table', {
      name: 'Changes by you and for you, newest first',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['When', 'By', 'For', 'Change', 'Outcome']);
    expect(await within(table).findByText('Riley Park (you)')).toBeVisible();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toHaveTextContent('Avery Stone');
    // What was typed is shown as text, never run as markup.
    expect(rows[0]).toHaveTextContent(`${MARKUP_NAME}'s circle`);
    expect(table.querySelector('img')).toBeNull();
    expect(rows[1]).toHaveTextContent('Riley Park (you)');
    // In words, whether the change went through or not (the circle's name was not sent here).
    const [done, failed] = group.Tags.includes('Favorites')
      ? ['Added a circle to Favorites', 'Could not add a circle to Favorites']
      : ['Took a circle out of Favorites', 'Could not take a circle out of Favorites'];
    expect(rows[1]).toHaveTextContent(failed);
    expect(rows[1]).toHaveTextContent('Failed (404)');
    expect(rows[2]).toHaveTextContent(`${done}, for Avery Stone`);
    expect(rows[2]).toHaveTextContent('Succeeded');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      // Times in the user's zone (the tests run in UTC).
      `/auth/audit.csv?tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`,
    );
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('Added Avery Stone as an agent')).toBeVisible();
    expect(pages).toEqual(['?_page=1&_limit=25', '?_page=2&_limit=25']);
  });

  it('speaks in the names the app showed, marks an Undo, and narrows by agent, circle and day', async () => {
    const riley = await backend.signIn('Riley Park');
    await backend.addAgent(riley, 'Avery Stone');
    await backend.addAgent(riley, 'Jordan Lee');
    const avery = DEMO_ACCOUNTS.avery.id;
    const jordan = DEMO_ACCOUNTS.jordan.id;
    const [jordanGroup] = await riley.groups(jordan);
    if (!jordanGroup) throw new Error('Jordan has no group');
    expect(
      (
        await riley.call('PUT', `/api/agents/${jordan}/v1/portal/groups/${jordanGroup.Id}`, {
          D: { Tags: jordanGroup.Tags },
        })
      ).ok,
    ).toBe(true);
    const group = (await riley.groups(avery)).find((g) => g.Users.length >= 3);
    const member = group?.Users.find((u) => u.Id !== group.ContactId);
    const owner = group?.Users.find((u) => u.Id === group.ContactId)?.Name;
    if (!group || !member || !owner) throw new Error('Avery has no group with members');

    // Through the app: remove a member of Avery's circle, then Undo.
    backend.browseAs(riley);
    const { user } = renderApp(`/for/${avery}/groups/${group.Id}`);
    await user.click(await screen.findByRole('button', { name: `Remove ${member.Name}` }));
    const removed = await findNotification(`Removed ${member.Name}`);
    await user.click(within(removed).getByRole('button', { name: 'Undo' }));
    await findNotification(`Added ${member.Name}`);

    await user.click(screen.getByRole('button', { name: /^Working for/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Audit trail' }));
    await screen.findByRole('table', { name: 'Changes by you and for you, newest first' });
    // The table is drawn again while a new filter's entries load.
    const rowTexts = () =>
      within(screen.getByRole('table', { name: 'Changes by you and for you, newest first' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent ?? '');
    const circle = `${owner}'s circle`;
    await waitFor(() =>
      expect(rowTexts().slice(0, 2)).toEqual([
        expect.stringContaining(`Undo: added ${member.Name} to ${circle}, for Avery Stone`),
        expect.stringContaining(`Removed ${member.Name} from ${circle}, for Avery Stone`),
      ]),
    );

    // For Jordan only: Jordan's change and adding Jordan, nothing of Avery's.
    await user.selectOptions(screen.getByRole('combobox', { name: 'For' }), 'Jordan Lee');
    await waitFor(() => expect(rowTexts().some((text) => text.includes(member.Name))).toBe(false));
    expect(rowTexts().every((text) => text.includes('Jordan Lee'))).toBe(true);
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      `/auth/audit.csv?agent=${jordan}&tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`,
    );

    // Avery's circle: the two changes to it; the day they were made keeps them, another does not.
    // The filters, without the time zone every export names.
    const csvLink = () =>
      screen
        .getByRole('link', { name: 'Export CSV' })
        .getAttribute('href')
        ?.replace(/&tz=[^&]*$/, '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'For' }), 'Avery Stone');
    await waitFor(() => expect(csvLink()).toBe(`/auth/audit.csv?agent=${avery}`));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Circle' }), circle);
    await waitFor(() =>
      expect(csvLink()).toBe(`/auth/audit.csv?agent=${avery}&circle=${group.Id}`),
    );
    await waitFor(() => expect(rowTexts()).toHaveLength(2));
    const day = screen.getByLabelText('Day');
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    // A date field takes a whole date (as the browser's date picker gives it).
    fireEvent.change(day, {
      target: {
        value: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
      },
    });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toMatch(
        new RegExp(`^/auth/audit\\.csv\\?agent=${avery}&circle=${group.Id}&from=.+&to=.+$`),
      ),
    );
    await waitFor(() => expect(rowTexts()).toHaveLength(2));
    fireEvent.change(day, { target: { value: '2001-02-03' } });
    expect(await screen.findByText('No changes match these filters.')).toBeVisible();
  });

  it('never shows an earlier filter’s entries, however quickly the filters change', async () => {
    const riley = await backend.signIn('Riley Park');
    await backend.addAgent(riley, 'Avery Stone');
    await backend.addAgent(riley, 'Jordan Lee');
    const avery = DEMO_ACCOUNTS.avery.id;
    const jordan = DEMO_ACCOUNTS.jordan.id;
    for (const agent of [avery, jordan]) {
      const [group] = await riley.groups(agent);
      if (!group) throw new Error('An agent has no group');
      const path = `/api/agents/${agent}/v1/portal/groups/${group.Id}`;
      expect((await riley.call('PUT', path, { D: { Tags: group.Tags } })).ok).toBe(true);
    }

    // Avery's entries are held back until Jordan's are on screen.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldSent = () => {};
    const heldDone = new Promise<void>((resolve) => (heldSent = resolve));
    backend.browseAs(riley);
    backend.msw.use(
      backend.route('get', '/auth/audit', {
        before: async (request) => {
          if (new URL(request.url).searchParams.get('agent') !== avery) return;
          await held;
          heldSent();
        },
      }),
    );
    renderApp('/audit');
    const rowTexts = () =>
      within(screen.getByRole('table', { name: 'Changes by you and for you, newest first' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent ?? '');
    await waitFor(() => expect(rowTexts().some((text) => text.includes('Jordan Lee'))).toBe(true));

    // For Avery: while her entries load, everyone's (Jordan's among them) are not shown as hers.
    const agentSelect = screen.getByRole('combobox', { name: 'For' });
    fireEvent.change(agentSelect, { target: { value: avery } });
    await waitFor(() =>
      expect(screen.getByRole('table', { name: /newest first/ })).toHaveAttribute(
        'aria-busy',
        'true',
      ),
    );
    expect(rowTexts()).toEqual([]);

    // Then at once Jordan, and a day: the day keeps the agent chosen a moment before.
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = new Date();
    fireEvent.change(agentSelect, { target: { value: jordan } });
    fireEvent.change(screen.getByLabelText('Day'), {
      target: {
        value: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
      },
    });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toMatch(
        new RegExp(`^/auth/audit\\.csv\\?agent=${jordan}&from=.+&to=.+$`),
      ),
    );
    await waitFor(() => expect(rowTexts().length).toBeGreaterThan(0));
    const jordanOnly = (texts: string[]) =>
      texts.every((text) => text.includes('Jordan Lee') && !text.includes('Avery Stone'));
    expect(jordanOnly(rowTexts())).toBe(true);

    // Avery's late answer changes nothing on screen.
    release();
    await heldDone;
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'For' })).toHaveValue(jordan));
    expect(jordanOnly(rowTexts())).toBe(true);
  });

  it('shows an agent what her assistant did for her, by the assistant’s name', async () => {
    const riley = await backend.signIn('Riley Park');
    await backend.addAgent(riley, 'Avery Stone');
    const [group] = await riley.groups(DEMO_ACCOUNTS.avery.id);
    if (!group) throw new Error('Avery has no group');
    const forAvery = `/api/agents/${DEMO_ACCOUNTS.avery.id}/v1/portal/groups/${group.Id}`;
    expect((await riley.call('PUT', forAvery, { D: { Tags: group.Tags } })).ok).toBe(true);

    backend.browseAs(await backend.signIn('Avery Stone'));
    renderApp('/audit');
    const table = await screen.findByRole('table', {
      name: 'Changes by you and for you, newest first',
    });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
    const [newest] = within(table).getAllByRole('row').slice(1);
    const cells = within(newest as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(1, 3)).toEqual(['Riley Park', 'Avery Stone (you)']);
    expect(cells[4]).toBe('Succeeded');
  });
});
