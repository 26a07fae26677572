import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderWithProviders } from '../../../testing/render.js';
import { findNotification } from '../../../testing/notification.js';
import { createFakeSpark, GROUP_ID } from '../testing/fake-spark.js';
import { GroupPageHarness } from '../testing/group-page-harness.js';
import { setupMswServer } from '../../../testing/msw.js';
import { PHONE_QUERY } from '../../../ui/card-list.js';

const server = setupMswServer();

function renderGroup({ canEdit = true } = {}) {
  const spark = createFakeSpark();
  server.use(...spark.handlers);
  const rendered = renderWithProviders(<GroupPageHarness canEdit={canEdit} />, {
    route: `/groups/${GROUP_ID}`,
    path: '/groups/:groupId',
  });
  return { ...rendered, spark };
}

async function membersTable() {
  return screen.findByRole('table', { name: 'Members' });
}

function rowOf(table: HTMLElement, name: string) {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByText(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

function memberNames(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('button')[0]?.textContent);
}

describe('members table', () => {
  it('shows each member with the owner, activity, portal state, plain status and last login', async () => {
    renderGroup();
    const table = await membersTable();

    const owner = rowOf(table, 'Olivia Oak');
    expect(within(owner).getByText('Owner')).toBeInTheDocument();
    expect(within(owner).getByText('Active')).toBeInTheDocument();
    expect(within(owner).getByText('Active this week')).toBeInTheDocument();
    expect(within(owner).getByText('2 hours ago')).toBeInTheDocument();

    const carl = rowOf(table, 'Carl Contact');
    expect(within(carl).getByText('Inactive')).toBeInTheDocument();
    expect(within(carl).getByText('Quiet for 4 months')).toBeInTheDocument();
    expect(within(carl).getByText('Enabled')).toBeInTheDocument();
    expect(within(carl).getByText('4 months ago')).toBeInTheDocument();
    expect(within(carl).queryByText('Owner')).not.toBeInTheDocument();

    expect(within(rowOf(table, 'Bea Brown')).getByText('yesterday')).toBeInTheDocument();

    const dana = rowOf(table, 'Dana Disabled');
    expect(within(dana).getByText('Disabled')).toBeInTheDocument();
    expect(within(dana).getByText('Portal off')).toBeInTheDocument();
    expect(within(dana).getByText('2 days ago')).toBeInTheDocument();
  });

  it('explains the 30-day rule where the Active badge is, in visible text', async () => {
    renderGroup();
    const table = await membersTable();
    const activity = within(table).getByRole('columnheader', { name: 'Activity' });
    expect(activity).toHaveAccessibleDescription(
      'Active means the portal is on and they signed in within the last 30 days; anyone else is Inactive.',
    );
    expect(
      screen.getByText(/signed in within the last 30 days; anyone else is Inactive/),
    ).toBeVisible();
  });

  it('counts in the sign-in chart exactly what the badges say', async () => {
    renderGroup();
    const table = await membersTable();
    const badges = ['Olivia Oak', 'Bea Brown', 'Carl Contact', 'Dana Disabled'].map(
      (name) => within(rowOf(table, name)).getByText(/^(Active|Inactive)$/).textContent,
    );
    expect(badges).toEqual(['Active', 'Active', 'Inactive', 'Inactive']);

    const chart = screen.getByRole('region', { name: 'Sign-in activity' });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Active this week2 members',
      'Active this month0 members',
      'Quiet (no sign-in for over 30 days)1 member',
      'Invited, never signed in0 members',
      'Portal off1 member',
    ]);
  });

  it('shows the exact time of a login on hover and on keyboard focus', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    const carlLogin = spark.group.Users.find((u) => u.Name === 'Carl Contact')?.LastLogin ?? '';
    const exact = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(carlLogin));

    const time = within(rowOf(table, 'Carl Contact')).getByText('4 months ago');
    expect(time).toHaveAttribute('datetime', new Date(carlLogin).toISOString());
    await user.hover(time);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(exact);
    await user.unhover(time);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());

    time.focus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(exact);
  });

  it('sorts by name and by last login from the column headers, the owner pinned first', async () => {
    const { user } = renderGroup();
    const table = await membersTable();
    const [nameHeader, loginHeader] = [
      within(table).getByRole('columnheader', { name: /Name/ }),
      within(table).getByRole('columnheader', { name: /Last login/ }),
    ];

    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(memberNames(table)).toEqual([
      'Olivia Oak',
      'Bea Brown',
      'Carl Contact',
      'Dana Disabled',
    ]);

    await user.click(within(table).getByRole('button', { name: 'Name' }));
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(memberNames(table)).toEqual([
      'Olivia Oak',
      'Dana Disabled',
      'Carl Contact',
      'Bea Brown',
    ]);

    await user.click(within(table).getByRole('button', { name: 'Last login' }));
    expect(loginHeader).toHaveAttribute('aria-sort', 'descending');
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    expect(memberNames(table)).toEqual([
      'Olivia Oak',
      'Bea Brown',
      'Dana Disabled',
      'Carl Contact',
    ]);

    await user.click(within(table).getByRole('button', { name: 'Last login' }));
    expect(loginHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(memberNames(table)).toEqual([
      'Olivia Oak',
      'Carl Contact',
      'Dana Disabled',
      'Bea Brown',
    ]);
  });

  it('lets someone who may edit add and remove members, but not remove the owner', async () => {
    renderGroup();
    const table = await membersTable();
    expect(screen.getByRole('button', { name: 'Add members' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Remove Carl Contact' })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Remove Olivia Oak' })).toBeNull();
  });

  it('shows no write controls to a read-only user', async () => {
    renderGroup({ canEdit: false });
    const table = await membersTable();
    expect(within(table).getByText('Carl Contact')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add members' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Turn portal/ })).toBeNull();
  });
});

describe('contacts of the members', () => {
  it('shows each member’s e-mail, read for all of them with one request', async () => {
    const { spark } = renderGroup();
    const table = await membersTable();
    expect(
      await within(rowOf(table, 'Carl Contact')).findByText('carl.contact@example.com'),
    ).toBeInTheDocument();
    expect(within(rowOf(table, 'Olivia Oak')).getByText('olivia.oak@example.com')).toBeVisible();
    const reads = spark.requests.filter(
      (request) => request.method === 'GET' && request.path === '/contacts',
    );
    expect(reads).toHaveLength(1);
    const filter = reads[0]?.search.get('_filter') ?? '';
    expect(filter.startsWith('Id Eq ')).toBe(true);
    expect([...filter.matchAll(/'(\d+)'/g)].map((match) => match[1]).sort()).toEqual(
      spark.group.Users.map((user) => user.Id).sort(),
    );
  });

  it('opens a contact panel from a name, with e-mail, portal, sign-ins and circles', async () => {
    const { user } = renderGroup();
    const table = await membersTable();
    await within(rowOf(table, 'Carl Contact')).findByText('carl.contact@example.com');
    const name = within(table).getByRole('button', { name: 'Carl Contact' });

    await user.click(name);

    const panel = await screen.findByRole('dialog', { name: 'Carl Contact' }, { timeout: 5000 });
    expect(within(panel).getByRole('link', { name: 'carl.contact@example.com' })).toHaveAttribute(
      'href',
      'mailto:carl.contact@example.com',
    );
    expect(within(panel).getByText('Quiet for 4 months')).toBeVisible();
    expect(within(panel).getByText('4 months ago')).toBeVisible();
    expect(await within(panel).findByText('Never')).toBeVisible();
    expect(within(panel).getByRole('heading', { name: 'Circles (1)' })).toBeVisible();
    expect(within(panel).getByRole('link', { name: 'Olivia Oak' })).toHaveAttribute(
      'href',
      `/groups/${GROUP_ID}`,
    );

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(name).toHaveFocus());
  });
});

describe('contact panel for a consumer', () => {
  it('shows what a consumer may see, with no e-mail row and no loader that never ends', async () => {
    const { user, spark } = renderGroup({ canEdit: false });
    const table = await membersTable();
    await user.click(within(table).getByRole('button', { name: 'Carl Contact' }));

    const panel = await screen.findByRole('dialog', { name: 'Carl Contact' }, { timeout: 5000 });
    expect(within(panel).getByText('Quiet for 4 months')).toBeVisible();
    expect(within(panel).getByText('4 months ago')).toBeVisible();
    expect(within(panel).queryByText('E-mail')).toBeNull();
    expect(within(panel).queryByText('Loading…')).toBeNull();
    expect(within(panel).queryByLabelText('Loading')).toBeNull();
    expect(spark.requests.filter((request) => request.path.startsWith('/contacts'))).toEqual([]);
  });
});

describe('portal on and off', () => {
  it('asks first, then turns the portal off at once with one PUT', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    const putAnswer = spark.hold('PUT');

    await user.click(
      within(table).getByRole('button', { name: 'Turn portal off for Carl Contact' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Turn the portal off for Carl Contact?',
    });
    expect(within(dialog).getByText(/loses access to the client portal/)).toBeVisible();
    expect(spark.writes()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Turn portal off' }));

    const carl = rowOf(table, 'Carl Contact');
    expect(within(carl).getByText('Disabled')).toBeInTheDocument();
    expect(within(carl).getByText('Portal off')).toBeInTheDocument();
    expect(
      within(carl).getByRole('button', { name: 'Turn portal on for Carl Contact' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(spark.writes()).toHaveLength(1));
    expect(spark.writes()[0]).toMatchObject({
      method: 'PUT',
      path: '/contacts/20260101000000000000000003/portal',
      body: { D: { Settings: { Enabled: false } } },
    });
    putAnswer.release();
    const turnedOff = await findNotification('Portal turned off for Carl Contact');
    expect(within(turnedOff).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(spark.group.Users.find((u) => u.Name === 'Carl Contact')?.Enabled).toBe(false);
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    const button = within(table).getByRole('button', { name: 'Turn portal off for Bea Brown' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(rowOf(table, 'Bea Brown')).getByText('Enabled')).toBeInTheDocument();
    expect(spark.writes()).toHaveLength(0);
  });

  it('turns a portal on without asking, and puts it back with a notification when refused', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    server.use(
      http.put('/api/v1/contacts/:contactId/portal', () => spark.failure(403, 1018, 'Read only')),
    );

    await user.click(
      within(table).getByRole('button', { name: 'Turn portal on for Dana Disabled' }),
    );

    expect(screen.queryByRole('dialog')).toBeNull();
    const refused = await findNotification('Could not turn the portal on for Dana Disabled');
    expect(
      within(refused).getByText('Your account can view groups but not change them'),
    ).toBeVisible();
    expect(within(refused).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    const dana = rowOf(table, 'Dana Disabled');
    expect(within(dana).getByText('Disabled')).toBeInTheDocument();
    expect(within(dana).getByText('Portal off')).toBeInTheDocument();
  });

  it('offers portal on/off on the owner row too', async () => {
    renderGroup();
    const table = await membersTable();
    expect(
      within(rowOf(table, 'Olivia Oak')).getByRole('button', {
        name: 'Turn portal off for Olivia Oak',
      }),
    ).toBeInTheDocument();
  });
});

describe('removing a member', () => {
  it('removes the row at once, sends the DELETE right away, and Undo brings the member back', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    const deleteAnswer = spark.hold('DELETE');

    await user.click(within(table).getByRole('button', { name: 'Remove Carl Contact' }));

    expect(within(table).queryByText('Carl Contact')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Members (3)' })).toBeInTheDocument();
    await waitFor(() => expect(spark.writes()).toHaveLength(1));
    expect(spark.writes()[0]).toMatchObject({
      method: 'DELETE',
      path: `/portal/groups/${GROUP_ID}/users/20260101000000000000000003`,
    });

    deleteAnswer.release();
    const removed = await findNotification('Removed Carl Contact');
    expect(within(removed).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(spark.group.Users.map((u) => u.Name)).not.toContain('Carl Contact');

    await user.click(within(removed).getByRole('button', { name: 'Undo' }));

    expect(await within(table).findByText('Carl Contact')).toBeInTheDocument();
    await waitFor(() => expect(spark.writes()).toHaveLength(2));
    expect(spark.writes()[1]).toMatchObject({
      method: 'POST',
      path: `/portal/groups/${GROUP_ID}`,
      body: { D: { Users: [{ Id: '20260101000000000000000003' }] } },
    });
    const added = await findNotification('Added Carl Contact');
    expect(within(added).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    // Undo closes the removal notice (it leaves after its exit transition).
    await waitFor(() => expect(screen.queryByText('Removed Carl Contact')).toBeNull());
    expect(spark.group.Users.map((u) => u.Name)).toContain('Carl Contact');
  });

  it('sends one DELETE when the remove button is clicked twice', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    const button = within(table).getByRole('button', { name: 'Remove Bea Brown' });

    await user.dblClick(button);

    expect(await screen.findByText('Removed Bea Brown')).toBeInTheDocument();
    expect(spark.writes().filter((w) => w.method === 'DELETE')).toHaveLength(1);
  });

  it('puts the member back and explains when the server refuses', async () => {
    const { user, spark } = renderGroup();
    const table = await membersTable();
    server.use(
      http.delete('/api/v1/portal/groups/:groupId/users/:userId', () =>
        spark.failure(405, 1018, 'Read only'),
      ),
    );

    await user.click(within(table).getByRole('button', { name: 'Remove Carl Contact' }));

    const refused = await findNotification('Could not remove Carl Contact');
    expect(
      within(refused).getByText('Your account can view groups but not change them'),
    ).toBeVisible();
    expect(within(refused).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(within(table).getByText('Carl Contact')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Members (4)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('also updates the member count in cached group lists', async () => {
    const { user, queryClient, spark } = renderGroup();
    const table = await membersTable();
    const listKey = ['groups', 'me', 'list', { q: '', sort: 'Name', page: 1 }];
    queryClient.setQueryData(listKey, {
      groups: [structuredClone(spark.group)],
      pagination: { TotalRows: 1, PageSize: 25, TotalPages: 1, CurrentPage: 1 },
    });
    const deleteAnswer = spark.hold('DELETE');

    await user.click(within(table).getByRole('button', { name: 'Remove Carl Contact' }));

    await waitFor(() =>
      expect(
        queryClient.getQueryData<{ groups: { Users: unknown[] }[] }>(listKey)?.groups[0]?.Users,
      ).toHaveLength(3),
    );
    deleteAnswer.release();
  });
});

describe('on a phone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the members as stacked cards with their state and actions visible', async () => {
    const matchMedia = window.matchMedia;
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
      ...matchMedia(query),
      matches: query === PHONE_QUERY,
    }));
    renderGroup();
    const list = await screen.findByRole('list', { name: 'Members' });
    expect(screen.queryByRole('table', { name: 'Members' })).toBeNull();
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((card) => card.querySelector('button')?.textContent)).toEqual([
      'Olivia Oak',
      'Bea Brown',
      'Carl Contact',
      'Dana Disabled',
    ]);
    const carl = cards[2];
    if (!carl) throw new Error('no card');
    expect(within(carl).getByText('Quiet for 4 months')).toBeVisible();
    expect(within(carl).getByText('4 months ago')).toBeVisible();
    expect(within(carl).getByRole('button', { name: 'Remove Carl Contact' })).toBeVisible();
    expect(within(cards[0] ?? list).queryByRole('button', { name: /^Remove/ })).toBeNull();
  });
});
