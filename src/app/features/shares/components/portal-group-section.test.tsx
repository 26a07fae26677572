import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { listingCartReadSchema } from '../../../data/cart-shapes.js';
import { portalGroupReadSchema } from '../../../../shared/portal-groups.js';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { findNotification } from '../../../testing/notification.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { renderApp } from '../../../testing/render-app.js';

const backend = setupRealBackend();
let sofia: Session;
beforeAll(async () => {
  sofia = await backend.signIn('Sofía Álvarez');
});

/** The circle the consumer works in now, as the server has it (null: on their own). */
async function currentCircle(): Promise<PortalGroup | null> {
  const response = await sofia.call('GET', '/api/v1/portal/groups/current');
  const { D } = sparkResultsSchema(portalGroupReadSchema).parse(await response.json());
  return D.Results[0] ?? null;
}

describe('a consumer’s circle', () => {
  it('switches between working in a circle and on one’s own', async () => {
    const current = await currentCircle();
    const circles = await sofia.groups();
    const circle = circles.find((candidate) => candidate.Id !== current?.Id);
    if (!circle) throw new Error('The demo consumer is in one circle only');
    const name = circle.Users.find((user) => user.Id === circle.ContactId)?.Name ?? '';
    backend.browseAs(sofia);
    const { user } = renderApp(`/groups/${circle.Id}`);

    const section = await screen.findByRole('region', { name: 'Shared in this circle' });
    await user.click(await within(section).findByRole('button', { name: 'Work in this circle' }));
    expect(await within(section).findByText('You work in this circle')).toBeVisible();
    await findNotification(`You work in ${name}’s circle now`);
    expect((await currentCircle())?.Id).toBe(circle.Id);

    await user.click(within(section).getByRole('button', { name: 'Work on my own' }));
    expect(
      await within(section).findByRole('button', { name: 'Work in this circle' }),
    ).toBeVisible();
    await findNotification('You work on your own now');
    expect((await currentCircle())?.Id).not.toBe(circle.Id);
  });

  it('records a move between the portal carts in the audit trail of the circle it was made in', async () => {
    // A circle of hers whose owner's portal carts hold a listing to move.
    let found: { circle: PortalGroup; from: string; to: string } | undefined;
    for (const circle of await sofia.groups()) {
      await sofia.call('PUT', '/api/v1/portal/groups/current', { D: { Id: circle.Id } });
      const answer = await sofia.call('GET', '/api/v1/listingcarts?_expand=ListingIds');
      const carts = sparkResultsSchema(listingCartReadSchema).parse(await answer.json()).D.Results;
      const portal = carts.filter((cart) => cart.PortalCartType);
      const from = portal.find((cart) => cart.ListingCount > 0);
      const to = portal.find((cart) => cart !== from);
      if (from && to) found = { circle, from: from.Name, to: to.Name };
      if (found) break;
    }
    if (!found) throw new Error('No circle of the demo consumer has a listing in a portal cart');
    const { circle, from, to } = found;
    const owner = circle.Users.find((user) => user.Id === circle.ContactId)?.Name ?? '';
    backend.browseAs(sofia);
    const { user, router } = renderApp(`/groups/${circle.Id}`);

    const section = await screen.findByRole('region', { name: 'Shared in this circle' });
    await user.click(
      await within(section).findByRole('button', { name: new RegExp(`^${from}(?![a-z])`) }),
    );
    const cards = await within(section).findByRole('list', { name: `Listings in ${from}` });
    const [card] = await within(cards).findAllByRole('listitem');
    const street = within(card as HTMLElement).getByRole('heading').textContent ?? '';
    await user.click(
      within(card as HTMLElement).getByRole('button', { name: `Move ${street} to ${to}` }),
    );
    const escaped = street.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await findNotification(new RegExp(`^Moved ${escaped}.* to ${to}$`));

    await router.navigate('/audit');
    // The circle is one to filter by, in its owner's name.
    const option = await screen.findByRole('option', { name: `${owner}'s circle` });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Circle' }), option);
    const table = await screen.findByRole('table', {
      name: 'Changes by you and for you, newest first',
    });
    const row = (n: number) => within(table).getAllByRole('row')[n];
    await waitFor(() => expect(row(1)).toHaveTextContent(`Moved ${street}`));
    expect(row(1)).toHaveTextContent(`from ${from} to ${to} in ${owner}'s circle`);
    expect(row(2)).toHaveTextContent(`from ${from} in ${owner}'s circle`);
  });
});
