import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { Route } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts.js';
import { createQueryClient } from '../query-client.js';
import { agent, consumer, nextId, uiStates } from '../testing/fixtures.js';
import { setupMswServer, sparkError, sparkResults, sparkSuccess } from '../testing/msw.js';
import { renderWithProviders } from '../testing/render.js';
import { sessionHandler } from '../testing/session-handler.js';
import { NewGroupPage } from './new-group-page.js';

const server = setupMswServer();

function makeContact(name: string, email: string): Contact {
  const id = nextId();
  return {
    Id: id,
    ResourceUri: `/v1/contacts/${id}`,
    DisplayName: name,
    GivenName: name.split(' ')[0] ?? null,
    FamilyName: name.split(' ')[1] ?? null,
    PrimaryEmail: email,
    Tags: [],
    VowEnabled: true,
    ModificationTimestamp: '2026-11-20T14:03:11Z',
  };
}

const carl = makeContact('Carl Contact', 'carl@example.com');
const cora = makeContact('Cora Owner', 'cora@example.com');
const dana = makeContact('Dana Member', 'dana@example.com');
const portalId = nextId();

function contactHandlers(contactFilters: string[] = []) {
  return [
    http.get('/api/v1/contacts', ({ request }) => {
      const filter = new URL(request.url).searchParams.get('_filter') ?? '';
      contactFilters.push(filter);
      const text = /DisplayName Eq '\*(.*)\*'/.exec(filter)?.[1]?.toLowerCase() ?? '';
      return sparkResults(
        [carl, cora, dana].filter((c) => c.DisplayName.toLowerCase().includes(text)),
      );
    }),
    // Cora already owns a group.
    http.get('/api/v1/portal/groups', ({ request }) => {
      const filter = new URL(request.url).searchParams.get('_filter') ?? '';
      const owned = filter.includes(cora.Id)
        ? [{ Id: nextId(), ResourceUri: '/v1/portal/groups/x', ContactId: cora.Id }]
        : [];
      return sparkResults(owned);
    }),
    http.get('/api/v1/contacts/:id', ({ params }) => {
      const contact = [carl, cora, dana].find((c) => c.Id === params.id);
      return contact ? sparkResults([contact]) : uiStates.notFound();
    }),
    http.get(`/api/v1/contacts/${carl.Id}/portal`, () =>
      sparkResults([
        {
          Id: portalId,
          ResourceUri: `/v1/contacts/${carl.Id}/portal`,
          Enabled: true,
          LastLogin: null,
          LastActive: null,
        },
      ]),
    ),
  ];
}

function renderNewGroupPage(route = '/groups/new') {
  return renderWithProviders(<NewGroupPage />, {
    route,
    path: '/groups/new',
    queryClient: createQueryClient({ retry: false }),
    extraRoutes: <Route path="/groups/:groupId" element={<h1>Group page</h1>} />,
  });
}

describe('new group page', () => {
  it('picks an owner without a group and members, creates, and opens the group', async () => {
    const filters: string[] = [];
    const posts: unknown[] = [];
    server.use(
      sessionHandler(agent),
      ...contactHandlers(filters),
      http.post(`/api/v1/portal/groups/${portalId}`, async ({ request }) => {
        posts.push(await request.json());
        return sparkSuccess(201, [{ ResourceUri: `/v1/portal/groups/${portalId}` }]);
      }),
    );
    const { user } = renderNewGroupPage();
    const create = await screen.findByRole('button', { name: 'Create group' });
    expect(create).toBeDisabled();

    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'C');
    const owners = await screen.findByRole('radiogroup', { name: 'Owner' });
    await waitFor(() => expect(filters).toContain("VowEnabled Eq true And DisplayName Eq '*C*'"));
    expect(within(owners).getByRole('radio', { name: /Cora Owner/ })).toBeDisabled();
    expect(within(owners).getByText('Already owns a group')).toBeVisible();
    await user.click(within(owners).getByRole('radio', { name: /Carl Contact/ }));
    expect(screen.getByText('Owner: Carl Contact')).toBeVisible();

    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Dana');
    const members = await screen.findByRole('group', { name: 'Members' });
    await user.click(await within(members).findByRole('checkbox', { name: /Dana Member/ }));
    expect(screen.getByRole('button', { name: 'Remove Dana Member' })).toBeVisible();

    await user.click(create);
    expect(await screen.findByRole('heading', { name: 'Group page' })).toBeVisible();
    expect(screen.getByText('Group created')).toBeVisible();
    expect(posts).toEqual([{ D: { Users: [{ Id: carl.Id }, { Id: dana.Id }] } }]);
  });

  it('starts with the owner given as ?owner= (Ctrl+K "start one") and creates their group', async () => {
    const posts: unknown[] = [];
    server.use(
      sessionHandler(agent),
      ...contactHandlers(),
      http.post(`/api/v1/portal/groups/${portalId}`, async ({ request }) => {
        posts.push(await request.json());
        return sparkSuccess(201, [{ ResourceUri: `/v1/portal/groups/${portalId}` }]);
      }),
    );
    const { user } = renderNewGroupPage(`/groups/new?owner=${carl.Id}`);
    expect(await screen.findByText('Owner: Carl Contact')).toBeVisible();
    const create = screen.getByRole('button', { name: 'Create group' });
    expect(create).toBeEnabled();
    await user.click(create);
    expect(await screen.findByRole('heading', { name: 'Group page' })).toBeVisible();
    expect(posts).toEqual([{ D: { Users: [{ Id: carl.Id }] } }]);
  });

  it('does not preselect an ?owner= who already owns a group, and says why', async () => {
    server.use(sessionHandler(agent), ...contactHandlers());
    renderNewGroupPage(`/groups/new?owner=${cora.Id}`);
    expect(await screen.findByText('Cora Owner already owns a group.')).toBeVisible();
    expect(screen.getByText('No owner chosen yet')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create group' })).toBeDisabled();
  });

  it('says so when no contact matches', async () => {
    server.use(sessionHandler(agent), ...contactHandlers());
    const { user } = renderNewGroupPage();
    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'zzz');
    expect(await screen.findByText('No contacts with a portal account match.')).toBeVisible();
  });

  it('stays on the page with an error notification when creating fails', async () => {
    server.use(
      sessionHandler(agent),
      ...contactHandlers(),
      http.post(`/api/v1/portal/groups/${portalId}`, () =>
        sparkError(400, 1100, 'No portal account'),
      ),
    );
    const { user } = renderNewGroupPage();
    await user.type(await screen.findByRole('searchbox', { name: 'Search owner' }), 'Carl');
    await user.click(await screen.findByRole('radio', { name: /Carl Contact/ }));
    await user.click(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByText('This contact has no portal account yet')).toBeVisible();
    expect(screen.getByText('Group not created')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'New group' })).toBeVisible();
  });

  it('shows an error with Retry when contacts cannot load', async () => {
    let fail = true;
    server.use(
      sessionHandler(agent),
      http.get('/api/v1/contacts', () => (fail ? uiStates.failing() : sparkResults([carl]))),
      ...contactHandlers(),
    );
    const { user } = renderNewGroupPage();
    await screen.findByRole('searchbox', { name: 'Search owner' });
    // The owner and member searches share the same (failed) query.
    expect(await screen.findAllByText('Could not load contacts')).toHaveLength(2);
    fail = false;
    await user.click(screen.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement);
    expect(await screen.findByRole('radio', { name: /Carl Contact/ })).toBeVisible();
    expect(screen.queryByText('Could not load contacts')).not.toBeInTheDocument();
  });

  it('tells a consumer they cannot create groups', async () => {
    server.use(sessionHandler(consumer));
    renderNewGroupPage();
    expect(
      await screen.findByText('Your account can view groups but not change them'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Create group' })).not.toBeInTheDocument();
  });
});
