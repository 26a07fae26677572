import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../../../server/spark/demo-accounts.js';
import { setupRealBackend, type Session } from '../../testing/real-backend.js';
import { renderApp } from '../../testing/render-app.js';

const backend = setupRealBackend();
let avery: Session;
let carl: PortalGroup;
let zoe: PortalGroup;
let noraId: string;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
  // Sofía Álvarez, the demo consumer, is in Carl's group only.
  await avery.deleteAllGroups();
  carl = await avery.createGroup({
    owner: 'Carl Contact',
    members: ['Dana Member'],
    memberIds: [DEMO_ACCOUNTS.vow.contactId],
  });
  zoe = await avery.createGroup({ owner: 'Zoë Álvarez' });
  noraId = await avery.createContact('Nora Nogroup');
});

function renderAs(route = '/groups', as: Session = avery) {
  backend.browseAs(as);
  return renderApp(route);
}

async function openPalette(user: ReturnType<typeof renderApp>['user']) {
  await user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('textbox', { name: 'Jump to' });
}

describe('command palette', () => {
  it('opens with Ctrl+K, finds a group by owner and jumps to it', async () => {
    const { user } = renderAs();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    await user.type(search, 'álva');
    const dialog = screen.getByRole('dialog');
    // Zoë is a contact too; the group's result is the one that says Group.
    const result = await within(dialog).findByRole('button', { name: /Zoë Álvarez.*Group ·/ });
    await user.click(result);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(`/groups/${zoe.Id}`),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps every key in the order typed, whether it reaches the box or arrives while focus is elsewhere', async () => {
    // As the palette opens, focus moves between the page and its box: keys land on both sides.
    // (A typed-ahead copy made in an effect once overwrote keys typed into the box meanwhile:
    // "Beatriz" became "Bariz".)
    const { user } = renderAs();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    for (const [key, into] of [
      ['B', 'page'],
      ['e', 'box'],
      ['a', 'page'],
      ['t', 'box'],
      ['r', 'page'],
      ['i', 'page'],
      ['z', 'box'],
    ] as const) {
      if (into === 'box') search.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
      await user.keyboard(key);
    }
    expect(search).toHaveValue('Beatriz');
  });

  it('finds a contact by e-mail and opens the group they own, with Enter', async () => {
    const { user } = renderAs();
    await user.click(await screen.findByRole('button', { name: /Jump to/ }));
    const search = await screen.findByRole('textbox', { name: 'Jump to' });
    await user.type(search, 'carl.contact.');
    const result = await screen.findByRole('button', {
      name: /carl\.contact\.\d+@example\.com · open their group/,
    });
    expect(result).toHaveTextContent('Carl Contact');
    await waitFor(() => expect(result).toHaveAttribute('data-selected', 'true'));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(`/groups/${carl.Id}`),
    );
  });

  it('"start one" for a contact without a group opens New group with them as owner', async () => {
    const { user } = renderAs();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    await user.type(search, 'nogroup');
    await user.click(await screen.findByRole('button', { name: /in no group: start one/ }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(`/groups/new?owner=${noraId}`),
    );
    expect(await screen.findByText('Owner: Nora Nogroup')).toBeVisible();
  });

  it('finds the groups a member is in, says why, and offers no "start one" to them', async () => {
    const { user } = renderAs();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    await user.type(search, 'dana mem');
    const dialog = screen.getByRole('dialog');
    // Dana owns no group: Flexmls finds none by owner; the whole book finds Carl's.
    const group = await within(dialog).findByRole('button', {
      name: /Carl Contact.*Group · Dana Member is a member · 3 members/,
    });
    const contact = await within(dialog).findByRole('button', {
      name: /Dana Member.*member of 1 group: show them/,
    });
    expect(within(dialog).queryByRole('button', { name: /start one/ })).not.toBeInTheDocument();
    await user.click(contact);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/\/groups\?q=Dana(%20|\+)Member$/),
    );
    expect(group).toBeDefined();
  });

  it('offers no "start one" to a contact whose portal is off', async () => {
    const offId = await avery.createContact('Olive Offportal');
    await avery.setPortal(offId, false);
    const { user } = renderAs();
    await screen.findByRole('link', { name: 'Carl Contact' });
    const search = await openPalette(user);
    await user.type(search, 'offportal');
    const dialog = screen.getByRole('dialog');
    expect(
      await within(dialog).findByRole('button', {
        name: /Olive Offportal.*no portal account \(or it is off\): cannot own a group/,
      }),
    ).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: /start one/ })).not.toBeInTheDocument();
  });

  it('offers New group, and Toggle Favorites on a group page', async () => {
    const { user } = renderAs(`/groups/${carl.Id}`);
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
    backend.msw.use(
      backend.route('get', '/api/v1/contacts', {
        before: (request) => contactRequests.push(new URL(request.url)),
      }),
    );
    const { user } = renderAs('/groups', await backend.signIn('Sofía Álvarez'));
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
