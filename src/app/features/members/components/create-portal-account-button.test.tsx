import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { contactReadSchema, portalAccountReadSchema } from '../../../../shared/contacts.js';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { renderWithProviders } from '../../../testing/render.js';
import { findNotification } from '../../../testing/notification.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { ownAccount } from '../../../account/account.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { CreatePortalAccountButton } from './create-portal-account-button.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

/** A new contact of Avery's, as the API reads it; without a portal account unless `portal`. */
async function newContact(name: string, { portal }: { portal: boolean }) {
  const id = await avery.createContact(name);
  if (!portal) backend.removePortalAccount(id);
  const response = await avery.call('GET', `/api/v1/contacts/${id}`);
  const [contact] = sparkResultsSchema(contactReadSchema).parse(await response.json()).D.Results;
  if (!contact) throw new Error(`contact ${name} not read back`);
  return contact;
}

/** The contact's portal account as the real server has it (null: none). */
async function portalAccountOf(contactId: string) {
  const response = await avery.call('GET', `/api/v1/contacts/${contactId}/portal`);
  if (response.status === 404) return null;
  return sparkResultsSchema(portalAccountReadSchema).parse(await response.json()).D.Results[0];
}

describe('CreatePortalAccountButton', () => {
  it('creates the account with one POST, says so, and refreshes contact queries', async () => {
    const gina = await newContact('Gina Green', { portal: false });
    const bodies: unknown[] = [];
    backend.browseAs(avery);
    backend.msw.use(
      backend.route('post', `/api/v1/contacts/${gina.Id}/portal`, {
        before: async (request) => bodies.push(await request.clone().json()),
      }),
    );
    const { user, queryClient } = renderWithProviders(<CreatePortalAccountButton contact={gina} />);
    queryClient.setQueryData(contactKeys.search(ownAccount(undefined), { q: '' }), [gina]);

    await user.dblClick(screen.getByRole('button', { name: 'Create portal account' }));

    const created = await findNotification('Portal account created for Gina Green');
    expect(within(created).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(bodies).toEqual([{ D: { Settings: { Enabled: true } } }]);
    await waitFor(() =>
      expect(
        queryClient.getQueryState(contactKeys.search(ownAccount(undefined), { q: '' }))
          ?.isInvalidated,
      ).toBe(true),
    );
    expect(await portalAccountOf(gina.Id)).toMatchObject({ Enabled: true, LastLogin: null });
  });

  it('explains a refusal in words', async () => {
    // The contact has had a portal account all along (one made elsewhere, say): Spark refuses.
    const gina = await newContact('Gina Green', { portal: true });
    backend.browseAs(avery);
    const { user } = renderWithProviders(<CreatePortalAccountButton contact={gina} />);

    await user.click(screen.getByRole('button', { name: 'Create portal account' }));

    const refused = await findNotification('Portal account not created');
    expect(within(refused).getByText('This contact already has a portal account')).toBeVisible();
    expect(within(refused).getByRole('button', { name: 'Dismiss' })).toBeVisible();
  });
});
