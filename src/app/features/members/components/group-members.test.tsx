import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { portalGroupReadSchema, type PortalGroup } from '../../../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../../../../server/spark/demo-accounts.js';
import { ownAccount } from '../../../account/account.js';
import { groupKeys } from '../../../data/group-keys.js';
import { uiStates } from '../../../testing/fixtures.js';
import { findNotification } from '../../../testing/notification.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { logRequests } from '../../../testing/request-log.js';
import { renderApp } from '../../../testing/render-app.js';
import { PHONE_QUERY } from '../../../ui/card-list.js';
import { formatRelative } from '../../../ui/relative-time.js';

const backend = setupRealBackend();
let avery: Session;
let sofia: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  sofia = await backend.signIn('Sofía Álvarez');
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

type Name = 'Olivia Oak' | 'Bea Brown' | 'Carl Contact' | 'Dana Disabled';

/**
 * Olivia Oak's group, with new contacts each time: Olivia signed in to the portal 2 hours ago, Bea
 * Brown yesterday, Carl Contact 125 days ago, and Dana Disabled 2 days ago before her portal was
 * turned off. With `consumer`, Sofía Álvarez (the demo consumer) is in it too.
 */
async function createOliviasGroup(consumer: boolean) {
  const created = await avery.createGroup({
    owner: 'Olivia Oak',
    members: ['Bea Brown', 'Carl Contact', 'Dana Disabled'],
    memberIds: consumer ? [DEMO_ACCOUNTS.vow.contactId] : [],
  });
  const idOf = (name: Name) => {
    const user = created.Users.find((candidate) => candidate.Name === name);
    if (!user) throw new Error(`${name} is not in the group`);
    return user.Id;
  };
  backend.portalSignIn(idOf('Olivia Oak'), ago(2 * HOUR));
  backend.portalSignIn(idOf('Bea Brown'), ago(DAY));
  backend.portalSignIn(idOf('Carl Contact'), ago(125 * DAY));
  backend.portalSignIn(idOf('Dana Disabled'), ago(2 * DAY));
  await avery.setPortal(idOf('Dana Disabled'), false);
  return { group: await avery.group(created.Id), idOf };
}

/** `2026-12-01T08:00:00Z` as `2026-12-01T02:00:00-06:00`: the same instant, in US Central time. */
function inCentralTime(timestamp: string) {
  const local = new Date(Date.parse(timestamp) - 6 * HOUR).toISOString().slice(0, 19);
  return `${local}-06:00`;
}

/**
 * The group's real answer with Olivia's last login given with an offset and Bea's with no zone (read
 * as UTC): the forms real Spark sends beside the emulator's `Z`, which Carl's keeps.
 */
function withEveryTimestampForm(groupId: string) {
  return backend.route('get', `/api/v1/portal/groups/${groupId}`, {
    edit: async (response) => {
      const body = sparkResultsSchema(portalGroupReadSchema).parse(await response.json());
      for (const user of body.D.Results.flatMap((group) => group.Users)) {
        if (!user.LastLogin) continue;
        if (user.Name === 'Olivia Oak') user.LastLogin = inCentralTime(user.LastLogin);
        if (user.Name === 'Bea Brown') user.LastLogin = user.LastLogin.replace(/Z$/, '');
      }
      return HttpResponse.json(body, response);
    },
  });
}

/**
 * Olivia's group page (see createOliviasGroup), as Avery or as Sofía (who may only read), with the
 * app's Spark API requests logged.
 */
async function renderGroup({
  as = 'agent',
  everyTimestampForm = false,
}: { as?: 'agent' | 'consumer'; everyTimestampForm?: boolean } = {}) {
  const session = as === 'consumer' ? sofia : avery;
  const { group, idOf } = await createOliviasGroup(as === 'consumer');
  backend.browseAs(session);
  if (everyTimestampForm) backend.msw.use(withEveryTimestampForm(group.Id));
  const log = logRequests(backend);
  const rendered = renderApp(`/groups/${group.Id}`);
  return { ...rendered, group, idOf, log };
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

/** What the contact panel says beside `label`. */
function fieldOf(panel: HTMLElement, label: string) {
  const value = within(panel).getByText(label, { selector: 'dt' }).nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`No ${label} field`);
  return value;
}

/** The contact's e-mail address, as the API reads it. */
async function emailOf(contactId: string) {
  const email = (await avery.contact(contactId)).PrimaryEmail;
  if (!email) throw new Error(`contact ${contactId} has no e-mail`);
  return email;
}

function userOf(group: PortalGroup, id: string) {
  const user = group.Users.find((candidate) => candidate.Id === id);
  if (!user) throw new Error(`${id} is not in group ${group.Id}`);
  return user;
}

describe('members table', () => {
  it('shows each member with the owner, activity, portal state, plain status and last login', async () => {
    await renderGroup({ everyTimestampForm: true });
    const table = await membersTable();

    const owner = rowOf(table, 'Olivia Oak');
    expect(within(owner).getByText('Owner')).toBeInTheDocument();
    expect(within(owner).getByText('Active')).toBeInTheDocument();
    expect(within(owner).getByText('Active this week')).toBeInTheDocument();
    // "2 hours ago", or "yesterday" in the first two hours of a day (the calendar rule).
    expect(within(owner).getByText(formatRelative(ago(2 * HOUR)))).toBeInTheDocument();

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
    await renderGroup();
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
    await renderGroup();
    const table = await membersTable();
    const badges = ['Olivia Oak', 'Bea Brown', 'Carl Contact', 'Dana Disabled'].map(
      (name) => within(rowOf(table, name)).getByText(/^(Active|Inactive)$/).textContent,
    );
    expect(badges).toEqual(['Active', 'Active', 'Inactive', 'Inactive']);

    const chart = await screen.findByRole('region', { name: 'Sign-in activity' });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Active this week2 members',
      'Active this month0 members',
      'Quiet (no sign-in for over 30 days)1 member',
      'Never signed in0 members',
      'Portal off1 member',
    ]);
  });

  it('shows the exact time of a login on hover, and in its name, without a tab stop', async () => {
    const { user, group, idOf } = await renderGroup();
    const table = await membersTable();
    const carlLogin = userOf(group, idOf('Carl Contact')).LastLogin ?? '';
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

    // A row's one tab stop is its action: the time says itself to a screen reader instead.
    expect(time).not.toHaveAttribute('tabindex');
    expect(time).toHaveAccessibleName(`4 months ago (${exact})`);
  });

  it('sorts by name and by last login from the column headers, the owner pinned first', async () => {
    const { user } = await renderGroup({ everyTimestampForm: true });
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
    await renderGroup();
    const table = await membersTable();
    expect(screen.getByRole('button', { name: 'Add members' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Remove Carl Contact' })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Remove Olivia Oak' })).toBeNull();
  });

  it('shows no write controls to a read-only user', async () => {
    await renderGroup({ as: 'consumer' });
    const table = await membersTable();
    expect(within(table).getByText('Carl Contact')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add members' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Turn portal/ })).toBeNull();
  });
});

describe('contacts of the members', () => {
  it('shows each member’s e-mail, read for all of them with one request', async () => {
    const { group, idOf, log } = await renderGroup();
    const carlEmail = await emailOf(idOf('Carl Contact'));
    const oliviaEmail = await emailOf(idOf('Olivia Oak'));
    const table = await membersTable();
    expect(await within(rowOf(table, 'Carl Contact')).findByText(carlEmail)).toBeInTheDocument();
    expect(within(rowOf(table, 'Olivia Oak')).getByText(oliviaEmail)).toBeVisible();
    const reads = log.requests.filter(
      (request) => request.method === 'GET' && request.path === '/contacts',
    );
    expect(reads).toHaveLength(1);
    const filter = reads[0]?.search.get('_filter') ?? '';
    expect(filter.startsWith('Id Eq ')).toBe(true);
    expect([...filter.matchAll(/'(\d+)'/g)].map((match) => match[1]).sort()).toEqual(
      group.Users.map((user) => user.Id).sort(),
    );
  });

  it('opens a contact panel from a name, with e-mail, portal, sign-ins and circles', async () => {
    const { user, group, idOf } = await renderGroup();
    const email = await emailOf(idOf('Carl Contact'));
    const table = await membersTable();
    await within(rowOf(table, 'Carl Contact')).findByText(email);
    const name = within(table).getByRole('button', { name: 'Carl Contact' });

    await user.click(name);

    const panel = await screen.findByRole('dialog', { name: 'Carl Contact' });
    expect(within(panel).getByRole('link', { name: email })).toHaveAttribute(
      'href',
      `mailto:${email}`,
    );
    expect(fieldOf(panel, 'Portal')).toHaveTextContent('On');
    expect(within(panel).getByText('Quiet for 4 months')).toBeVisible();
    expect(fieldOf(panel, 'Last login')).toHaveTextContent('4 months ago');
    // Read from the contact's portal account: the group does not say.
    await waitFor(() => expect(fieldOf(panel, 'Last active')).toHaveTextContent('4 months ago'));
    expect(within(panel).getByRole('heading', { name: 'Circles (1)' })).toBeVisible();
    expect(within(panel).getByRole('link', { name: 'Olivia Oak' })).toHaveAttribute(
      'href',
      `/groups/${group.Id}`,
    );

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(name).toHaveFocus());
  });
});

describe('contact panel actions', () => {
  it('turns the portal off (asking first) and on again from the panel', async () => {
    const { user, idOf } = await renderGroup();
    const table = await membersTable();
    await user.click(within(table).getByRole('button', { name: 'Carl Contact' }));
    const panel = await screen.findByRole('dialog', { name: 'Carl Contact' });
    await user.click(within(panel).getByRole('button', { name: 'Turn portal off' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Turn the portal off for Carl Contact?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Turn portal off' }));
    await waitFor(() => expect(fieldOf(panel, 'Portal')).toHaveTextContent(/^Off/));
    await waitFor(async () =>
      expect((await avery.contact(idOf('Carl Contact'))).VowEnabled).toBe(false),
    );
    await user.click(within(panel).getByRole('button', { name: 'Turn portal on' }));
    await waitFor(() => expect(fieldOf(panel, 'Portal')).toHaveTextContent(/^On/));
    await waitFor(async () =>
      expect((await avery.contact(idOf('Carl Contact'))).VowEnabled).toBe(true),
    );
  });
});

describe('a consumer’s view of the members', () => {
  it('shows the other members’ names only: no e-mail, status, sign-in or contact panel', async () => {
    const { log } = await renderGroup({ as: 'consumer' });
    const table = await membersTable();
    expect(within(table).getByText('Carl Contact')).toBeVisible();
    expect(within(table).getByText('Sofía Álvarez')).toBeVisible();
    expect(within(rowOf(table, 'Olivia Oak')).getByText('Owner')).toBeVisible();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name']);
    // Nothing another client did or is: no badges, no sign-in times, no e-mail, no panel.
    for (const hidden of [
      /^(Active|Inactive|Portal off|Enabled|Disabled)$/,
      /Quiet|ago$|^Never$/,
    ]) {
      expect(within(table).queryByText(hidden)).toBeNull();
    }
    expect(within(table).queryByRole('button')).toBeNull();
    expect(screen.queryByText(/signed in within the last 30 days/)).toBeNull();
    expect(screen.queryByRole('heading', { name: /sign-in/i })).toBeNull();
    expect(log.requests.filter((request) => request.path.startsWith('/contacts'))).toEqual([]);
  });
});

describe('portal on and off', () => {
  it('asks first, then turns the portal off at once with one PUT', async () => {
    const { user, group, idOf, log } = await renderGroup();
    const table = await membersTable();
    const putAnswer = log.hold('PUT');

    await user.click(
      within(table).getByRole('button', { name: 'Turn portal off for Carl Contact' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Turn the portal off for Carl Contact?',
    });
    expect(within(dialog).getByText(/loses access to the client portal/)).toBeVisible();
    expect(log.writes()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Turn portal off' }));

    const carl = rowOf(table, 'Carl Contact');
    expect(within(carl).getByText('Disabled')).toBeInTheDocument();
    expect(within(carl).getByText('Portal off')).toBeInTheDocument();
    expect(
      within(carl).getByRole('button', { name: 'Turn portal on for Carl Contact' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(log.writes()).toHaveLength(1));
    expect(log.writes()[0]).toMatchObject({
      method: 'PUT',
      path: `/contacts/${idOf('Carl Contact')}/portal`,
      body: { D: { Settings: { Enabled: false } } },
    });
    putAnswer.release();
    const turnedOff = await findNotification('Portal turned off for Carl Contact');
    expect(within(turnedOff).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(userOf(await avery.group(group.Id), idOf('Carl Contact')).Enabled).toBe(false);
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const { user, log } = await renderGroup();
    const table = await membersTable();
    const button = within(table).getByRole('button', { name: 'Turn portal off for Bea Brown' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(rowOf(table, 'Bea Brown')).getByText('Enabled')).toBeInTheDocument();
    expect(log.writes()).toHaveLength(0);
  });

  it('turns a portal on without asking, and puts it back with a notification when refused', async () => {
    const { user } = await renderGroup();
    const table = await membersTable();
    backend.msw.use(http.put('/api/v1/contacts/:contactId/portal', uiStates.readOnly));

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
    await renderGroup();
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
    const { user, group, idOf, log } = await renderGroup();
    const table = await membersTable();
    const carlId = idOf('Carl Contact');
    const deleteAnswer = log.hold('DELETE');

    await user.click(within(table).getByRole('button', { name: 'Remove Carl Contact' }));

    expect(within(table).queryByText('Carl Contact')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Members (3)' })).toBeInTheDocument();
    await waitFor(() => expect(log.writes()).toHaveLength(1));
    expect(log.writes()[0]).toMatchObject({
      method: 'DELETE',
      path: `/portal/groups/${group.Id}/users/${carlId}`,
    });

    deleteAnswer.release();
    const removed = await findNotification('Removed Carl Contact');
    expect(within(removed).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect((await avery.group(group.Id)).Users.map((u) => u.Name)).not.toContain('Carl Contact');

    await user.click(within(removed).getByRole('button', { name: 'Undo' }));

    expect(await within(table).findByText('Carl Contact')).toBeInTheDocument();
    await waitFor(() => expect(log.writes()).toHaveLength(2));
    expect(log.writes()[1]).toMatchObject({
      method: 'POST',
      path: `/portal/groups/${group.Id}`,
      body: { D: { Users: [{ Id: carlId }] } },
    });
    const added = await findNotification('Added Carl Contact');
    expect(within(added).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    // Undo closes the removal notice (it leaves after its exit transition).
    await waitFor(() => expect(screen.queryByText('Removed Carl Contact')).toBeNull());
    expect((await avery.group(group.Id)).Users.map((u) => u.Name)).toContain('Carl Contact');
  });

  it('moves focus to the next Remove, to the heading when none is left, and back after Undo', async () => {
    const { user } = await renderGroup();
    const table = await membersTable();
    const removeButton = (name: string) =>
      within(table).getByRole('button', { name: `Remove ${name}` });

    // Keyboard only: Enter on Carl's Remove; focus goes to the next row's (Dana's), not <body>.
    removeButton('Carl Contact').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(table).queryByText('Carl Contact')).toBeNull());
    expect(document.activeElement).toBe(removeButton('Dana Disabled'));

    // Undo brings Carl back, and focus to his row.
    const removed = await findNotification('Removed Carl Contact');
    await user.click(within(removed).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.activeElement).toBe(removeButton('Carl Contact')));
    await findNotification('Added Carl Contact');

    // The last row's Remove hands focus to the row before it; the last one left, to the heading.
    removeButton('Dana Disabled').focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(removeButton('Carl Contact'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(removeButton('Bea Brown'));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Members (1)' })),
    );
    expect(document.activeElement).not.toBe(document.body);
  });

  it('sends one DELETE when the remove button is clicked twice', async () => {
    const { user, log } = await renderGroup();
    const table = await membersTable();
    const button = within(table).getByRole('button', { name: 'Remove Bea Brown' });

    await user.dblClick(button);

    expect(await screen.findByText('Removed Bea Brown')).toBeInTheDocument();
    expect(log.writes().filter((w) => w.method === 'DELETE')).toHaveLength(1);
  });

  it('puts the member back and explains when the server refuses', async () => {
    const { user } = await renderGroup();
    const table = await membersTable();
    backend.msw.use(http.delete('/api/v1/portal/groups/:groupId/users/:userId', uiStates.readOnly));

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
    const { user, queryClient, group, log } = await renderGroup();
    const table = await membersTable();
    const listKey = groupKeys.list(ownAccount(avery.user.Id), { q: '', sort: 'Name', page: 1 });
    queryClient.setQueryData(listKey, {
      groups: [structuredClone(group)],
      pagination: { TotalRows: 1, PageSize: 25, TotalPages: 1, CurrentPage: 1 },
    });
    const deleteAnswer = log.hold('DELETE');

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
    await renderGroup();
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
