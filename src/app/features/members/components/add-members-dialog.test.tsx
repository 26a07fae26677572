import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { z } from 'zod';
import { findNotification } from '../../../testing/notification.js';
import { setupRealBackend } from '../../../testing/real-backend.js';
import { logRequests } from '../../../testing/request-log.js';
import { renderApp } from '../../../testing/render-app.js';

// A new server for each test: what the dialog lists is the whole of the agent's book.
const backend = setupRealBackend({ eachTest: true });

/**
 * Riley Park has no contacts of their own in the demo data; here they get exactly these: Olivia
 * Oak's group with Bea Brown, Carl Contact and Dana Disabled, and four contacts in no group, Erin
 * Evans and Frank Fields (with a portal account), Gina Green (without one) and Hal O'Hara (whose
 * portal is off). Riley's is the session the app runs as.
 */
async function createRileysBook() {
  const riley = await backend.signIn('Riley Park');
  const group = await riley.createGroup({
    owner: 'Olivia Oak',
    members: ['Bea Brown', 'Carl Contact', 'Dana Disabled'],
  });
  const erin = await riley.createContact('Erin Evans');
  const frank = await riley.createContact('Frank Fields');
  const gina = await riley.createContact('Gina Green');
  const hal = await riley.createContact("Hal O'Hara");
  backend.removePortalAccount(gina);
  await riley.setPortal(hal, false);
  backend.browseAs(riley);
  return { riley, group, ids: { erin, frank, gina, hal } };
}

/** Olivia's group page as Riley (see createRileysBook), with the app's Spark API requests logged. */
async function renderRileysGroup() {
  const book = await createRileysBook();
  const log = logRequests(backend);
  const rendered = renderApp(`/groups/${book.group.Id}`);
  const table = await screen.findByRole('table', { name: 'Members' });
  return { ...rendered, ...book, log, table };
}

async function openDialog() {
  const rendered = await renderRileysGroup();
  await rendered.user.click(screen.getByRole('button', { name: 'Add members' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add members' });
  return { ...rendered, dialog };
}

function optionOf(dialog: HTMLElement, name: string) {
  const option = within(dialog)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(name));
  if (!option) throw new Error(`No result for ${name}`);
  return option;
}

/** A list answer, whatever its results (contacts found, or the members' e-mails). */
const listAnswer = z.looseObject({ D: z.looseObject({ Results: z.array(z.unknown()) }) });

const contactSearches = (log: ReturnType<typeof logRequests>) =>
  log.requests.filter((request) => request.method === 'GET' && request.path === '/contacts');

describe('add members dialog', () => {
  it('lists contacts with their portal account state; members are shown as in the group', async () => {
    const { dialog, riley, ids } = await openDialog();
    const erinEmail = (await riley.contact(ids.erin)).PrimaryEmail;
    if (!erinEmail) throw new Error('Erin has no e-mail');

    expect(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' })).toBeEnabled();
    expect(within(optionOf(dialog, 'Erin Evans')).getByText('Portal account')).toBeInTheDocument();
    expect(within(dialog).getByText(erinEmail)).toBeInTheDocument();

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
    const { user, dialog, log } = await openDialog();
    await within(dialog).findByRole('checkbox', { name: 'Erin Evans' });

    await user.type(within(dialog).getByRole('textbox', { name: 'Search contacts' }), "o'hara");

    await waitFor(() => expect(within(dialog).queryByText('Erin Evans')).not.toBeInTheDocument());
    expect(within(dialog).getByRole('checkbox', { name: "Hal O'Hara" })).toBeInTheDocument();
    const last = contactSearches(log).at(-1);
    expect(last?.search.get('_filter')).toBe(
      "DisplayName Eq '*o\\'hara*' Or PrimaryEmail Eq '*o\\'hara*'",
    );
    expect(last?.search.get('_limit')).toBe('25');
    expect(last?.search.get('_orderby')).toBe('DisplayName');
    expect(contactSearches(log).length).toBeLessThan(4);
  });

  it('says so when no contact matches', async () => {
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Search contacts' }), 'zzz');
    expect(await within(dialog).findByText('No contacts match')).toBeInTheDocument();
  });

  it('shows that contacts are loading', async () => {
    const { user, log } = await renderRileysGroup();
    const answers = log.hold('GET', '/contacts');

    await user.click(screen.getByRole('button', { name: 'Add members' }));

    const dialog = await screen.findByRole('dialog', { name: 'Add members' });
    expect(await within(dialog).findByText('Loading contacts…')).toBeInTheDocument();
    answers.release();
    expect(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' })).toBeInTheDocument();
    expect(within(dialog).queryByText('Loading contacts…')).not.toBeInTheDocument();
  });

  it('adds two picked contacts with one request, showing them at once', async () => {
    const { user, dialog, log, table, riley, group, ids } = await openDialog();
    const addButton = within(dialog).getByRole('button', { name: 'Add' });
    expect(addButton).toBeDisabled();

    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Frank Fields' }));
    const writes = log.hold('POST');
    await user.click(within(dialog).getByRole('button', { name: 'Add (2)' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(table).getByText('Erin Evans')).toBeInTheDocument();
    expect(within(table).getByText('Frank Fields')).toBeInTheDocument();
    await waitFor(() => expect(log.writes()).toHaveLength(1));
    expect(log.writes()[0]).toMatchObject({
      method: 'POST',
      path: `/portal/groups/${group.Id}`,
      body: { D: { Users: [{ Id: ids.erin }, { Id: ids.frank }] } },
    });

    writes.release();
    const added = await findNotification('Added Erin Evans and Frank Fields');
    expect(within(added).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect((await riley.group(group.Id)).Users.map((member) => member.Id)).toEqual(
      expect.arrayContaining([ids.erin, ids.frank]),
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
    const { user, dialog, log, riley, ids } = await openDialog();
    const gina = optionOf(
      await within(dialog).findByRole('list', { name: 'Contacts' }),
      'Gina Green',
    );
    const searchesBefore = contactSearches(log).length;

    await user.click(await within(gina).findByRole('button', { name: 'Create portal account' }));

    expect(await screen.findByText('Portal account created for Gina Green')).toBeInTheDocument();
    expect(log.writes()).toEqual([
      expect.objectContaining({ method: 'POST', path: `/contacts/${ids.gina}/portal` }),
    ]);
    const checkbox = within(dialog).getByRole('checkbox', { name: 'Gina Green' });
    await waitFor(() => expect(checkbox).toBeEnabled());
    expect(within(optionOf(dialog, 'Gina Green')).getByText('Portal account')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Create portal account' })).toBeNull();
    expect(contactSearches(log).length).toBeGreaterThan(searchesBefore);
    expect((await riley.contact(ids.gina)).VowEnabled).toBe(true);

    expect(checkbox).toBeChecked();
    const picks = within(dialog).getByRole('list', { name: 'Picked contacts' });
    expect(within(picks).getByText('Gina Green')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Add (1)' })).toBeEnabled();
  });

  it('keeps the picks as removable chips across searches', async () => {
    const { user, dialog, log, ids } = await openDialog();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    const search = within(dialog).getByRole('textbox', { name: 'Search contacts' });
    await user.type(search, 'frank');
    await waitFor(() =>
      expect(within(dialog).queryByRole('checkbox', { name: 'Erin Evans' })).toBeNull(),
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
    await waitFor(() => expect(log.writes()).toHaveLength(1));
    expect(log.writes()[0]).toMatchObject({ body: { D: { Users: [{ Id: ids.erin }] } } });
  });

  it('lists contacts in the one name order, whatever order the server sent', async () => {
    backend.msw.use(
      // Every real contact list answer, backwards.
      backend.route('get', '/api/v1/contacts', {
        edit: async (response) => {
          const body = listAnswer.parse(await response.json());
          body.D.Results.reverse();
          return HttpResponse.json(body, response);
        },
      }),
    );
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
    const { user, dialog, table, ids } = await openDialog();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Erin Evans' }));
    // Meanwhile Erin's portal account goes: the server refuses to add a contact without one.
    backend.removePortalAccount(ids.erin);

    await user.click(within(dialog).getByRole('button', { name: 'Add (1)' }));

    const refused = await findNotification('Could not add Erin Evans');
    expect(within(refused).getByText('This contact has no portal account yet')).toBeVisible();
    expect(within(refused).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await waitFor(() => expect(within(table).queryByText('Erin Evans')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Members (4)' })).toBeInTheDocument();
  });
});
