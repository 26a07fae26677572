import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderWithProviders } from '../../../testing/render.js';
import { findNotification } from '../../../testing/notification.js';
import { createFakeSpark, GROUP_ID } from '../testing/fake-spark.js';
import { GroupPageHarness } from '../testing/group-page-harness.js';
import { setupMswServer } from '../../../testing/msw.js';

const server = setupMswServer();

const ERIN = '20260101000000000000000005';
const FRANK = '20260101000000000000000006';
const GINA = '20260101000000000000000007';

async function openDialog() {
  const spark = createFakeSpark();
  server.use(...spark.handlers);
  const rendered = renderWithProviders(<GroupPageHarness canEdit />, {
    route: `/groups/${GROUP_ID}`,
    path: '/groups/:groupId',
  });
  const table = await screen.findByRole('table', { name: 'Members' });
  await rendered.user.click(screen.getByRole('button', { name: 'Add members' }));
  // The dialog's code loads on first use: on a busy machine that takes more than a second.
  const dialog = await screen.findByRole('dialog', { name: 'Add members' }, { timeout: 5000 });
  return { ...rendered, spark, table, dialog };
}

function optionOf(dialog: HTMLElement, name: string) {
  const option = within(dialog)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(name));
  if (!option) throw new Error(`No result for ${name}`);
  return option;
}

const contactSearches = (spark: ReturnType<typeof createFakeSpark>) =>
  spark.requests.filter((request) => request.method === 'GET' && request.path === '/contacts');

describe('add members dialog', () => {
  it('lists contacts with their portal account state; members are shown as in the group', async () => {
    const { dialog } = await openDialog();

    expect(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' })).toBeEnabled();
    expect(within(optionOf(dialog, 'Erin Evans')).getByText('Portal account')).toBeInTheDocument();
    expect(within(dialog).getByText('erin.evans@example.com')).toBeInTheDocument();

    const carl = optionOf(dialog, 'Carl Contact');
    expect(within(carl).getByText('In group')).toBeInTheDocument();
    expect(within(carl).getByRole('checkbox', { name: 'Carl Contact' })).toBeDisabled();

    const gina = optionOf(dialog, 'Gina Green');
    expect(await within(gina).findByText('No portal account')).toBeInTheDocument();
    expect(within(gina).getByRole('checkbox', { name: 'Gina Green' })).toBeDisabled();
    expect(
      within(gina).getByRole('button', { name: 'Create portal account' }),
    ).toHaveAccessibleDescription('Gina Green');

    const hal = optionOf(dialog, "Hal O'Hara");
    expect(await within(hal).findByText('Portal account (disabled)')).toBeInTheDocument();
    expect(within(hal).getByRole('checkbox', { name: "Hal O'Hara" })).toBeEnabled();
  });

  it('searches the server by name or e-mail as the user types', async () => {
    const { user, dialog, spark } = await openDialog();
    await within(dialog).findByRole('checkbox', { name: 'Erin Evans' });

    await user.type(within(dialog).getByRole('textbox', { name: 'Search contacts' }), "o'hara");

    await waitFor(() => expect(within(dialog).queryByText('Erin Evans')).not.toBeInTheDocument());
    expect(within(dialog).getByRole('checkbox', { name: "Hal O'Hara" })).toBeInTheDocument();
    const last = contactSearches(spark).at(-1);
    expect(last?.search.get('_filter')).toBe(
      "DisplayName Eq '*o\\'hara*' Or PrimaryEmail Eq '*o\\'hara*'",
    );
    expect(last?.search.get('_limit')).toBe('25');
    expect(last?.search.get('_orderby')).toBe('DisplayName');
    expect(contactSearches(spark).length).toBeLessThan(4);
  });

  it('says so when no contact matches', async () => {
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Search contacts' }), 'zzz');
    expect(await within(dialog).findByText('No contacts match')).toBeInTheDocument();
  });

  it('shows that contacts are loading', async () => {
    const spark = createFakeSpark();
    server.use(...spark.handlers);
    const { user } = renderWithProviders(<GroupPageHarness canEdit />, {
      route: `/groups/${GROUP_ID}`,
      path: '/groups/:groupId',
    });
    await screen.findByRole('table', { name: 'Members' });
    const answers = spark.hold('GET');

    await user.click(screen.getByRole('button', { name: 'Add members' }));

    const dialog = await screen.findByRole('dialog', { name: 'Add members' });
    expect(await within(dialog).findByText('Loading contacts…')).toBeInTheDocument();
    answers.release();
    expect(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' })).toBeInTheDocument();
    expect(within(dialog).queryByText('Loading contacts…')).not.toBeInTheDocument();
  });

  it('adds two picked contacts with one request, showing them at once', async () => {
    const { user, dialog, spark, table } = await openDialog();
    const addButton = within(dialog).getByRole('button', { name: 'Add' });
    expect(addButton).toBeDisabled();

    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Frank Fields' }));
    const writes = spark.hold('POST');
    await user.click(within(dialog).getByRole('button', { name: 'Add (2)' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(table).getByText('Erin Evans')).toBeInTheDocument();
    expect(within(table).getByText('Frank Fields')).toBeInTheDocument();
    await waitFor(() => expect(spark.writes()).toHaveLength(1));
    expect(spark.writes()[0]).toMatchObject({
      method: 'POST',
      path: `/portal/groups/${GROUP_ID}`,
      body: { D: { Users: [{ Id: ERIN }, { Id: FRANK }] } },
    });

    writes.release();
    const added = await findNotification('Added 2 members');
    expect(within(added).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(spark.group.Users.map((member) => member.Id)).toEqual(
      expect.arrayContaining([ERIN, FRANK]),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add members' })).toHaveFocus());
  });

  it('returns focus to "Add members" when the dialog is closed', async () => {
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add members' })).toHaveFocus());

    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Add members' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add members' })).toHaveFocus());
  });

  it('creates a portal account for a contact, which can then be picked', async () => {
    const { user, dialog, spark } = await openDialog();
    const gina = optionOf(
      await within(dialog).findByRole('list', { name: 'Contacts' }),
      'Gina Green',
    );
    const searchesBefore = contactSearches(spark).length;

    await user.click(await within(gina).findByRole('button', { name: 'Create portal account' }));

    expect(await screen.findByText('Portal account created for Gina Green')).toBeInTheDocument();
    expect(spark.writes()).toEqual([
      expect.objectContaining({ method: 'POST', path: `/contacts/${GINA}/portal` }),
    ]);
    const checkbox = within(dialog).getByRole('checkbox', { name: 'Gina Green' });
    await waitFor(() => expect(checkbox).toBeEnabled());
    expect(within(optionOf(dialog, 'Gina Green')).getByText('Portal account')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Create portal account' })).toBeNull();
    expect(contactSearches(spark).length).toBeGreaterThan(searchesBefore);

    expect(checkbox).toBeChecked();
    const picks = within(dialog).getByRole('list', { name: 'Picked contacts' });
    expect(within(picks).getByText('Gina Green')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Add (1)' })).toBeEnabled();
  });

  it('keeps the picks as removable chips across searches', async () => {
    const { user, dialog, spark } = await openDialog();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    const search = within(dialog).getByRole('textbox', { name: 'Search contacts' });
    await user.type(search, 'frank');
    await waitFor(
      () => expect(within(dialog).queryByRole('checkbox', { name: 'Erin Evans' })).toBeNull(),
      { timeout: 5000 },
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Frank Fields' }));

    const picks = within(dialog).getByRole('list', { name: 'Picked contacts' });
    expect(
      within(picks)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['Erin Evans', 'Frank Fields']);
    await user.click(within(picks).getByRole('button', { name: 'Unpick Frank Fields' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Frank Fields' })).not.toBeChecked();
    expect(
      within(picks)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['Erin Evans']);

    await user.click(within(dialog).getByRole('button', { name: 'Add (1)' }));
    await waitFor(() => expect(spark.writes()).toHaveLength(1));
    expect(spark.writes()[0]).toMatchObject({ body: { D: { Users: [{ Id: ERIN }] } } });
  });

  it('lists contacts in the one name order, whatever order the server sent', async () => {
    const { dialog } = await openDialog();
    const list = await within(dialog).findByRole('list', { name: 'Contacts' });
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((box) => document.querySelector(`label[for="${box.id}"]`)?.textContent),
    ).toEqual([
      'Bea Brown',
      'Carl Contact',
      'Dana Disabled',
      'Erin Evans',
      'Frank Fields',
      'Gina Green',
      "Hal O'Hara",
      'Olivia Oak',
    ]);
  });

  it('warns before adding a contact whose portal is off', async () => {
    const { user, dialog } = await openDialog();
    const hal = optionOf(
      await within(dialog).findByRole('list', { name: 'Contacts' }),
      "Hal O'Hara",
    );
    await within(hal).findByText('Portal account (disabled)');
    expect(within(dialog).queryByText(/cannot sign in/)).toBeNull();

    await user.click(within(hal).getByRole('checkbox', { name: "Hal O'Hara" }));

    expect(within(dialog).getByText('Portal off')).toBeVisible();
    expect(
      within(dialog).getByText(/Hal O'Hara has the portal turned off: they will be in the group/),
    ).toBeVisible();
  });

  it("explains a refused add in the user's language and takes the rows back", async () => {
    const { user, dialog, spark, table } = await openDialog();
    server.use(
      http.post('/api/v1/portal/groups/:groupId', () =>
        spark.failure(400, 1100, 'Contact has no portal account'),
      ),
    );

    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add (1)' }));

    const refused = await findNotification('Could not add Erin Evans');
    expect(within(refused).getByText('This contact has no portal account yet')).toBeVisible();
    expect(within(refused).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await waitFor(() => expect(within(table).queryByText('Erin Evans')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Members (4)' })).toBeInTheDocument();
  });
});
