import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { createQueryClient } from '../../query-client.js';
import { agent, consumer, makeGroup } from '../../test/fixtures.js';
import { groupsListHandler } from '../../test/fake-groups.js';
import { setupMswServer, sparkResults } from '../../test/msw.js';
import { renderAppRoutes } from '../../test/render.js';
import { sessionHandler } from '../../test/session-handler.js';

const server = setupMswServer();

const carl = makeGroup(['Carl Contact', 'Dana Member']);
const zoe = makeGroup(['Zoë Álvarez']);
const groups = [carl, zoe];
const contacts = [
  { Id: carl.ContactId, DisplayName: 'Carl Contact', PrimaryEmail: 'carl@example.com' },
  {
    Id: '20260101000000000000999999',
    DisplayName: 'Nora Nogroup',
    PrimaryEmail: 'nora@example.com',
  },
].map((c) => ({
  ...c,
  ResourceUri: `/v1/contacts/${c.Id}`,
  GivenName: null,
  FamilyName: null,
  Tags: [],
  VowEnabled: true,
  ModificationTimestamp: '2026-11-01T00:00:00Z',
}));

function sparkHandlers(contactRequests: URL[] = []) {
  return [
    http.get('/api/v1/portal/groups', ({ request }) => {
      const filter = new URL(request.url).searchParams.get('_filter') ?? '';
      if (filter.startsWith('ContactId Eq')) {
        const owned = groups.filter((g: PortalGroup) => filter.includes(`'${g.ContactId}'`));
        return sparkResults(
          owned.map((g) => ({ Id: g.Id, ResourceUri: g.ResourceUri, ContactId: g.ContactId })),
        );
      }
      return undefined;
    }),
    groupsListHandler(groups),
    http.get('/api/v1/portal/groups/:id', ({ params }) =>
      sparkResults(groups.filter((g) => g.Id === params.id)),
    ),
    http.get('/api/v1/contacts/:id', ({ params }) =>
      sparkResults(contacts.filter((c) => c.Id === params.id)),
    ),
    http.get('/api/v1/contacts', ({ request }) => {
      const url = new URL(request.url);
      contactRequests.push(url);
      const text =
        /'\*(.*?)\*'/.exec(url.searchParams.get('_filter') ?? '')?.[1]?.toLowerCase() ?? '';
      return sparkResults(
        contacts.filter(
          (c) => c.DisplayName.toLowerCase().includes(text) || c.PrimaryEmail.includes(text),
        ),
      );
    }),
  ];
}

function renderApp(route = '/groups') {
  return renderAppRoutes(route, {
    queryClient: createQueryClient({ retry: false }),
  });
}

async function openPalette(user: ReturnType<typeof renderApp>['user']) {
  await user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('textbox', { name: 'Jump to' });
}

describe('command palette', () => {
  it('opens with Ctrl+K, finds a group by owner and jumps to it', async () => {
    server.use(sessionHandler(agent), ...sparkHandlers());
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    await user.type(search, 'álva');
    const dialog = screen.getByRole('dialog');
    const result = await within(dialog).findByRole('button', { name: /Zoë Álvarez/ });
    await user.click(result);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(`/groups/${zoe.Id}`),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('finds a contact by e-mail and opens the group they own, with Enter', async () => {
    server.use(sessionHandler(agent), ...sparkHandlers());
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /Jump to/ }));
    const search = await screen.findByRole('textbox', { name: 'Jump to' });
    await user.type(search, 'carl@example');
    const result = await screen.findByRole('button', {
      name: /carl@example\.com · open their group/,
    });
    expect(result).toHaveTextContent('Carl Contact');
    await waitFor(() => expect(result).toHaveAttribute('data-selected', 'true'));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(`/groups/${carl.Id}`),
    );
  });

  it('"start one" for a contact without a group opens New group with them as owner', async () => {
    server.use(sessionHandler(agent), ...sparkHandlers());
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    await user.type(search, 'nora');
    await user.click(await screen.findByRole('button', { name: /owns no group: start one/ }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/groups/new?owner=20260101000000000000999999',
      ),
    );
    expect(await screen.findByText('Owner: Nora Nogroup')).toBeVisible();
  });

  it('offers New group, and Toggle Favorites on a group page', async () => {
    server.use(sessionHandler(agent), ...sparkHandlers());
    const { user } = renderApp(`/groups/${carl.Id}`);
    await screen.findByRole('heading', { level: 1, name: 'Carl Contact' });
    await openPalette(user);
    const dialog = screen.getByRole('dialog');
    expect(
      await within(dialog).findByRole('button', { name: /Toggle Favorites/ }),
    ).toHaveTextContent('Add Carl Contact to Favorites');
    await user.click(within(dialog).getByRole('button', { name: /New group/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/new'));
  });

  it('gives a consumer read actions only and never searches contacts', async () => {
    const contactRequests: URL[] = [];
    server.use(sessionHandler(consumer), ...sparkHandlers(contactRequests));
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: /New group/ })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /Sign out/ })).toBeInTheDocument();
    await user.type(search, 'carl');
    expect(await within(dialog).findByRole('button', { name: /Carl Contact/ })).toBeVisible();
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 groups, 0 contacts');
    expect(contactRequests).toEqual([]);
  });
});
