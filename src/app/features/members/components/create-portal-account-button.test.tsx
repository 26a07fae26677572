import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { Contact } from '../../../../shared/contacts.js';
import { renderWithProviders } from '../../../testing/render.js';
import { findNotification } from '../../../testing/notification.js';
import { contactKeys } from '../../../data/contact-keys.js';
import { CreatePortalAccountButton } from './create-portal-account-button.js';
import { setupMswServer } from '../../../testing/msw.js';

const server = setupMswServer();

const gina: Contact = {
  Id: '20260101000000000000000007',
  ResourceUri: '/v1/contacts/20260101000000000000000007',
  DisplayName: 'Gina Green',
  GivenName: 'Gina',
  FamilyName: 'Green',
  PrimaryEmail: 'gina@example.com',
  Tags: [],
  VowEnabled: false,
  ModificationTimestamp: '2026-01-01T00:00:00Z',
};
const portalPath = `/api/v1/contacts/${gina.Id}/portal`;

describe('CreatePortalAccountButton', () => {
  it('creates the account with one POST, says so, and refreshes contact queries', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(portalPath, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          { D: { Success: true, Results: [{ ResourceUri: `/v1/contacts/${gina.Id}/portal` }] } },
          { status: 201 },
        );
      }),
    );
    const { user, queryClient } = renderWithProviders(<CreatePortalAccountButton contact={gina} />);
    queryClient.setQueryData(contactKeys.search({ q: '' }), [gina]);

    await user.dblClick(screen.getByRole('button', { name: 'Create portal account' }));

    const created = await findNotification('Portal account created for Gina Green');
    expect(within(created).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    expect(bodies).toEqual([{ D: { Settings: { Enabled: true } } }]);
    await waitFor(() =>
      expect(queryClient.getQueryState(contactKeys.search({ q: '' }))?.isInvalidated).toBe(true),
    );
  });

  it('explains a refusal in words', async () => {
    server.use(
      http.post(portalPath, () =>
        HttpResponse.json(
          { D: { Success: false, Code: 1110, Message: 'Portal account exists' } },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderWithProviders(<CreatePortalAccountButton contact={gina} />);

    await user.click(screen.getByRole('button', { name: 'Create portal account' }));

    const refused = await findNotification('Portal account not created');
    expect(within(refused).getByText('This contact already has a portal account')).toBeVisible();
    expect(within(refused).getByRole('button', { name: 'Dismiss' })).toBeVisible();
  });
});
