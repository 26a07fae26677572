import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
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
});
