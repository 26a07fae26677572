import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portalAccountReadSchema } from '../../shared/contacts.js';
import { sparkResultsSchema } from '../../shared/envelope.js';
import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import { uiStates } from '../testing/fixtures.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
/** Avery's contacts "… Contact" (no demo contact's name has that word); Cora owns a group. */
let carl: string;
let cora: string;
let dana: string;
/** Carl's group's Id: his portal account's. */
let carlGroup: string;

beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  carl = await avery.createContact('Carl Contact');
  dana = await avery.createContact('Dana Contact');
  cora = (await avery.createGroup({ owner: 'Cora Contact' })).ContactId;
  const portal = await avery.call('GET', `/api/v1/contacts/${carl}/portal`);
  const [account] = sparkResultsSchema(portalAccountReadSchema).parse(await portal.json()).D
    .Results;
  if (!account) throw new Error('Carl has no portal account');
  carlGroup = account.Id;
});
// Carl owns no group at the start of each test (404 when he owns none).
afterEach(async () => {
  await avery.call('DELETE', `/api/v1/portal/groups/${carlGroup}`);
});

/** The member Ids of Carl's group as the real server has it (undefined: he owns none). */
async function carlsGroupMembers() {
  const response = await avery.call('GET', `/api/v1/portal/groups/${carlGroup}`);
  if (response.status === 404) return undefined;
  const { D } = sparkResultsSchema(portalGroupReadSchema).parse(await response.json());
  return D.Results[0]?.Users.map((user) => user.Id);
}

/** Records the body of each group creation on its way to the real server. */
function recordCreations(posts: unknown[]) {
  return backend.route('post', '/api/v1/portal/groups/:id', {
    before: async (request) => posts.push(await request.clone().json()),
  });
}

function renderNewGroupPage(route = '/groups/new', as: Session = avery) {
  backend.browseAs(as);
  return renderApp(route);
}

describe('new group page', () => {
  it('picks an owner without a group and members, creates, and opens the group', async () => {
    const filters: string[] = [];
    const posts: unknown[] = [];
    backend.msw.use(
      backend.route('get', '/api/v1/contacts', {
        before: (request) => filters.push(new URL(request.url).searchParams.get('_filter') ?? ''),
      }),
      recordCreations(posts),
    );
    const { user } = renderNewGroupPage();
    const create = await screen.findByRole('button', { name: 'Create group' });
    expect(create).toBeDisabled();

    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'Contact');
    await waitFor(() =>
      expect(filters).toContain("VowEnabled Eq true And DisplayName Eq '*Contact*'"),
    );
    const owners = await screen.findByRole('radiogroup', { name: 'Owner' });
    expect(await within(owners).findByRole('radio', { name: /Cora Contact/ })).toBeDisabled();
    expect(within(owners).getByText('Already owns a group')).toBeVisible();
    await user.click(within(owners).getByRole('radio', { name: /Carl Contact/ }));
    expect(screen.getByText('Owner: Carl Contact')).toBeVisible();

    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Dana');
    const members = await screen.findByRole('group', { name: 'Members' });
    await user.click(await within(members).findByRole('checkbox', { name: /Dana Contact/ }));
    expect(screen.getByRole('button', { name: 'Remove Dana Contact' })).toBeVisible();

    await user.click(create);
    expect(await screen.findByRole('heading', { level: 1, name: 'Carl Contact' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent(`/groups/${carlGroup}`);
    expect(screen.getByText('Group created')).toBeVisible();
    expect(posts).toEqual([{ D: { Users: [{ Id: carl }, { Id: dana }] } }]);
    expect(await carlsGroupMembers()).toEqual([carl, dana]);
  });

  it('starts with the owner given as ?owner= (Ctrl+K "start one") and creates their group', async () => {
    const posts: unknown[] = [];
    backend.msw.use(recordCreations(posts));
    const { user } = renderNewGroupPage(`/groups/new?owner=${carl}`);
    expect(await screen.findByText('Owner: Carl Contact')).toBeVisible();
    const create = screen.getByRole('button', { name: 'Create group' });
    expect(create).toBeEnabled();
    await user.click(create);
    expect(await screen.findByRole('heading', { level: 1, name: 'Carl Contact' })).toBeVisible();
    expect(posts).toEqual([{ D: { Users: [{ Id: carl }] } }]);
    expect(await carlsGroupMembers()).toEqual([carl]);
  });

  it('does not preselect an ?owner= who already owns a group, and says why', async () => {
    renderNewGroupPage(`/groups/new?owner=${cora}`);
    expect(await screen.findByText('Cora Contact already owns a group.')).toBeVisible();
    expect(screen.getByText('No owner chosen yet')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create group' })).toBeDisabled();
  });

  it('says what the owner list leaves out, and creates a portal account for an owner who has none', async () => {
    const nina = await avery.createContact('Nina Contact');
    backend.removePortalAccount(nina);
    const totalOf = async (filter: string) => {
      const query = new URLSearchParams({ _filter: filter, _limit: '1', _pagination: '1' });
      const response = await avery.call('GET', `/api/v1/contacts?${query}`);
      return ((await response.json()) as { D: { Pagination: { TotalRows: number } } }).D.Pagination
        .TotalRows;
    };
    const [withPortal, withoutPortal] = [
      await totalOf('VowEnabled Eq true'),
      await totalOf('VowEnabled Eq false'),
    ];
    const posts: unknown[] = [];
    backend.msw.use(recordCreations(posts));
    const { user } = renderNewGroupPage();

    // Both pickers (owner, members) say it.
    expect(
      await screen.findAllByText(
        `25 of ${withPortal} — type to narrow; ${withoutPortal} contacts without a portal account (or with it turned off) are not listed.`,
      ),
    ).toHaveLength(2);
    await user.type(screen.getByRole('searchbox', { name: 'Search owner' }), 'Contact');
    expect(
      await screen.findByText(
        '3 contacts with a portal account; 1 contact without a portal account (or with it turned off) is not listed.',
      ),
    ).toBeVisible();
    const notListed = screen.getByRole('list', {
      name: 'Not listed: no portal account, or turned off',
    });
    expect(within(notListed).getByText('Nina Contact')).toBeVisible();
    expect(await within(notListed).findByText('No portal account')).toBeVisible();
    expect(screen.getByText(/This e-mails no one: Spark has no invitation/)).toBeVisible();

    await user.click(within(notListed).getByRole('button', { name: 'Create portal account' }));
    expect(await screen.findByText('Owner: Nina Contact')).toBeVisible();
    const owners = screen.getByRole('radiogroup', { name: 'Owner' });
    expect(await within(owners).findByRole('radio', { name: /Nina Contact/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nina Contact' })).toBeVisible();
    expect(posts).toEqual([{ D: { Users: [{ Id: nina }] } }]);
  });

  it('opens a left-out contact’s panel, which creates the portal account and says no one is told', async () => {
    const pia = await avery.createContact('Pia Contact');
    backend.removePortalAccount(pia);
    const { user } = renderNewGroupPage();
    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'Pia Contact');
    const notListed = await screen.findByRole('list', {
      name: 'Not listed: no portal account, or turned off',
    });
    await user.click(await within(notListed).findByRole('button', { name: 'Pia Contact' }));
    const panel = await screen.findByRole('dialog', { name: 'Pia Contact' });
    const field = (label: string) =>
      within(panel).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
    await waitFor(() => expect(field('Portal')).toHaveTextContent('No portal account'));
    expect(field('Phone')).toHaveTextContent('No phone');
    expect(within(panel).getByText(/This e-mails no one: Spark has no invitation/)).toBeVisible();
    expect(within(panel).queryByRole('link', { name: /Flexmls/ })).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Create portal account' }));
    // The account exists, and Pia is now offered as an owner (she leaves the left-out list).
    const owners = await screen.findByRole('radiogroup', { name: 'Owner' });
    expect(await within(owners).findByRole('radio', { name: /Pia Contact/ })).toBeEnabled();
    expect((await avery.call('GET', `/api/v1/contacts/${pia}/portal`)).status).toBe(200);
    // The panel stays open and shows the portal as on, with the action that turns it off.
    expect(panel).toBeInTheDocument();
    await waitFor(() => expect(field('Portal')).toHaveTextContent(/^On/));
    await user.click(within(panel).getByRole('button', { name: 'Turn portal off' }));
    await waitFor(() => expect(field('Portal')).toHaveTextContent(/^Off/));
    const portal = (await (await avery.call('GET', `/api/v1/contacts/${pia}/portal`)).json()) as {
      D: { Results: { Enabled: boolean }[] };
    };
    expect(portal.D.Results[0]?.Enabled).toBe(false);
    await user.click(within(panel).getByRole('button', { name: 'Turn portal on' }));
    await waitFor(() => expect(field('Portal')).toHaveTextContent(/^On/));
  });

  it('creates a portal account for an ?owner= who has none, and makes them the owner', async () => {
    const olga = await avery.createContact('Olga Noaccount');
    backend.removePortalAccount(olga);
    const { user } = renderNewGroupPage(`/groups/new?owner=${olga}`);
    expect(
      await screen.findByText('Olga Noaccount has no portal account yet, so cannot own a group.'),
    ).toBeVisible();
    await user.click(await screen.findByRole('button', { name: 'Create portal account' }));
    expect(await screen.findByText('Owner: Olga Noaccount')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create group' })).toBeEnabled();
  });

  it('says so when no contact matches', async () => {
    const { user } = renderNewGroupPage();
    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'zzz');
    expect(await screen.findByText('No contacts with a portal account match.')).toBeVisible();
  });

  it('stays on the page with an error notification when creating fails', async () => {
    // A member whose portal account is removed (by Spark's back office) once picked: Spark refuses.
    const pat = await avery.createContact('Pat Contact');
    const { user } = renderNewGroupPage();
    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'Carl');
    await user.click(await screen.findByRole('radio', { name: /Carl Contact/ }));
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Pat');
    await user.click(await screen.findByRole('checkbox', { name: /Pat Contact/ }));
    backend.removePortalAccount(pat);

    await user.click(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByText('This contact has no portal account yet')).toBeVisible();
    expect(screen.getByText('Group not created')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'New group' })).toBeVisible();
    expect(await carlsGroupMembers()).toBeUndefined();
  });

  it('shows an error with Retry when contacts cannot load', async () => {
    let fail = true;
    // Fails until told otherwise; then the real contacts answer.
    backend.msw.use(http.get('/api/v1/contacts', () => (fail ? uiStates.failing() : undefined)));
    const { user } = renderNewGroupPage();
    await screen.findByRole('searchbox', { name: 'Search owner' });
    // The owner and member searches share the same (failed) query.
    expect(await screen.findAllByText('Could not load contacts')).toHaveLength(2);
    fail = false;
    await user.click(screen.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement);
    expect(
      await within(await screen.findByRole('radiogroup', { name: 'Owner' })).findAllByRole('radio'),
    ).not.toHaveLength(0);
    expect(screen.queryByText('Could not load contacts')).not.toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search owner' }), 'Carl');
    expect(await screen.findByRole('radio', { name: /Carl Contact/ })).toBeVisible();
    expect(screen.queryByText('Could not load contacts')).not.toBeInTheDocument();
  });

  it('tells a consumer they cannot create groups', async () => {
    renderNewGroupPage('/groups/new', await backend.signIn('Sofía Álvarez'));
    expect(
      await screen.findByText('Your account can view groups but not change them'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Create group' })).not.toBeInTheDocument();
  });
});
