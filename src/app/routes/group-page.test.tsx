import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sparkResultsSchema } from '../../shared/envelope.js';
import { portalGroupReadSchema, type PortalGroup } from '../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../../server/spark/demo-accounts.js';
import { ownAccount } from '../account/account.js';
import { groupKeys } from '../data/group-keys.js';
import { uiStates } from '../testing/fixtures.js';
import { setupRealBackend, type Session } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';
import {
  GROUP_ID as REAL_GROUP_ID,
  groupAsSparkSendsIt,
} from '../../shared/testing/real-spark-shapes.js';

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});

const groupPath = (id: string) => `/api/v1/portal/groups/${id}`;
const groupAnswer = sparkResultsSchema(portalGroupReadSchema);

/** The group as the real server now has it for Avery, or its HTTP status when it has none. */
async function storedGroup(id: string): Promise<PortalGroup | number> {
  const response = await avery.call('GET', groupPath(id));
  if (!response.ok) return response.status;
  return groupAnswer.parse(await response.json()).D.Results[0] ?? 404;
}

function renderGroupPage(id: string, as: Session = avery) {
  backend.browseAs(as);
  return renderApp(`/groups/${id}`);
}

/** Lets a test hold a server answer until it says so. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('group page', () => {
  it('shows a loading state, then the owner as heading and the members', async () => {
    const group = await avery.createGroup({ owner: 'Carl Contact', members: ['Dana Member'] });
    const answer = gate();
    backend.msw.use(backend.route('get', groupPath(group.Id), { before: () => answer.opened }));
    renderGroupPage(group.Id);
    expect(await screen.findByLabelText('Loading group')).toHaveAttribute('aria-busy', 'true');

    answer.open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Carl Contact' })).toBeVisible();
    expect(screen.getByText('Dana Member')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Favorites' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(screen.getByRole('button', { name: 'Delete group' })).toBeInTheDocument();
  });

  it('shows "Group not found" with a way back for an unknown Id', async () => {
    const { user } = renderGroupPage('12345');
    expect(await screen.findByRole('heading', { name: 'Group not found' })).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Back to groups' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  });

  it('shows "Group not found" for a group deleted meanwhile', async () => {
    const group = await avery.createGroup({ owner: 'Deleted Meanwhile' });
    expect((await avery.call('DELETE', groupPath(group.Id))).ok).toBe(true);
    renderGroupPage(group.Id);
    expect(await screen.findByRole('heading', { name: 'Group not found' })).toBeVisible();
  });

  it('shows an error panel with Retry when loading fails', async () => {
    const group = await avery.createGroup({ owner: 'Retry Owner' });
    let fail = true;
    // Fails until told otherwise; then the real group answers.
    backend.msw.use(http.get(groupPath(group.Id), () => (fail ? uiStates.failing() : undefined)));
    const { user } = renderGroupPage(group.Id);
    expect(await screen.findByText('Could not load the group')).toBeVisible();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Retry Owner' })).toBeVisible();
  });

  it('keeps the group on screen and says so when a refresh fails', async () => {
    const group = await avery.createGroup({ owner: 'Stale Owner' });
    const { user, queryClient } = renderGroupPage(group.Id);
    expect(await screen.findByRole('heading', { level: 1, name: 'Stale Owner' })).toBeVisible();

    let fail = true;
    backend.msw.use(http.get(groupPath(group.Id), () => (fail ? uiStates.busy(7) : undefined)));
    await queryClient.refetchQueries({ queryKey: ['groups'] });
    const alert = (await screen.findByText('Could not refresh the group')).closest(
      '[role="alert"]',
    );
    expect(alert).toHaveTextContent(
      'Showing the group as last loaded. Flexmls is busy, retrying in 7 s',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Stale Owner' })).toBeVisible();
    fail = false;
    await user.click(within(alert as HTMLElement).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText('Could not refresh the group')).toBeNull());
  });

  it('toggles Favorites at once, then confirms with a notification', async () => {
    const group = await avery.createGroup({ owner: 'Fay Owner' });
    const answer = gate();
    const bodies: unknown[] = [];
    backend.msw.use(
      backend.route('put', groupPath(group.Id), {
        before: async (request) => {
          bodies.push(await request.clone().json());
          await answer.opened;
        },
      }),
    );
    const { user, queryClient } = renderGroupPage(group.Id);
    const toggle = await screen.findByRole('button', { name: 'Favorites' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(
      queryClient.getQueryData<PortalGroup>(groupKeys.detail(ownAccount(avery.user.Id), group.Id))
        ?.Tags,
    ).toEqual(['Favorites']);

    answer.open();
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    expect(bodies).toEqual([{ D: { Tags: ['Favorites'] } }]);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await storedGroup(group.Id)).toMatchObject({ Tags: ['Favorites'] });
  });

  it('sends one write for a double click', async () => {
    const group = await avery.createGroup({ owner: 'Double Owner' });
    const answer = gate();
    let puts = 0;
    backend.msw.use(
      backend.route('put', groupPath(group.Id), {
        before: async () => {
          puts += 1;
          await answer.opened;
        },
      }),
    );
    const { user } = renderGroupPage(group.Id);
    const toggle = await screen.findByRole('button', { name: 'Favorites' });
    await user.dblClick(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    answer.open();
    expect(await screen.findByText('Added to Favorites')).toBeVisible();
    expect(puts).toBe(1);
    expect(await storedGroup(group.Id)).toMatchObject({ Tags: ['Favorites'] });
  });

  it.each([
    [500, uiStates.failing, 'Something went wrong on the server. Please try again.'],
    [405, uiStates.readOnly, 'Your account can view groups but not change them'],
  ])('rolls Favorites back with an error notification on %i', async (_status, refusal, message) => {
    const group = await avery.createGroup({ owner: 'Rollback Owner', favorite: true });
    const answer = gate();
    backend.msw.use(
      http.put(groupPath(group.Id), async () => {
        await answer.opened;
        return refusal();
      }),
    );
    const { user } = renderGroupPage(group.Id);
    const toggle = await screen.findByRole('button', { name: 'Favorites' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    answer.open();
    expect(await screen.findByText(message)).toBeVisible();
    expect(screen.getByText('Favorites not changed')).toBeVisible();
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('deletes after confirmation and returns to the list', async () => {
    const group = await avery.createGroup({ owner: 'Gone Owner' });
    const { user } = renderGroupPage(group.Id);
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    expect(screen.getByText("Deleted Gone Owner's group")).toBeVisible();
    expect(await storedGroup(group.Id)).toBe(404);
  });

  it('undoes a deletion by creating the group again with the same members and tags', async () => {
    const group = await avery.createGroup({
      owner: 'Una Owner',
      members: ['Ann Member', 'Ben Member'],
      favorite: true,
    });
    const writes: { method: string; body: unknown }[] = [];
    const record = {
      before: async (request: Request) => {
        writes.push({ method: request.method, body: await request.clone().json() });
      },
    };
    backend.msw.use(
      backend.route('post', groupPath(group.Id), record),
      backend.route('put', groupPath(group.Id), record),
    );
    const { user } = renderGroupPage(group.Id);
    await user.click(await screen.findByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    expect(screen.getByText("Deleted Una Owner's group")).toBeVisible();
    expect(await storedGroup(group.Id)).toBe(404);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText("Restored Una Owner's group")).toBeVisible();
    expect(writes).toEqual([
      { method: 'POST', body: { D: { Users: group.Users.map((u) => ({ Id: u.Id })) } } },
      { method: 'PUT', body: { D: { Tags: ['Favorites'] } } },
    ]);
    expect(await storedGroup(group.Id)).toEqual(group);
  });

  it('keeps the group when the deletion is cancelled, focus back on the button', async () => {
    const group = await avery.createGroup({ owner: 'Kept Owner' });
    const { user } = renderGroupPage(group.Id);
    const button = await screen.findByRole('button', { name: 'Delete group' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Delete this group?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect(screen.getByRole('heading', { level: 1, name: 'Kept Owner' })).toBeVisible();
    expect(await storedGroup(group.Id)).toEqual(group);
  });

  it('is read-only for a VOW consumer', async () => {
    // Sofía, the demo VOW consumer, is a member of the group she views.
    const group = await avery.createGroup({
      owner: 'Vow Owner',
      members: ['Other Member'],
      memberIds: [DEMO_ACCOUNTS.vow.contactId],
      favorite: true,
    });
    const { queryClient } = renderGroupPage(group.Id, await backend.signIn('Sofía Álvarez'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Vow Owner' })).toBeVisible();
    await waitFor(() => expect(queryClient.getQueryData(['auth', 'session'])).toBeDefined());
    expect(screen.getByText('Favorites')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Favorites' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete group' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add members' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove / })).not.toBeInTheDocument();
  });

  it('starts its read beside the sign-in check, and shows no page until the check answers', async () => {
    const group = await avery.createGroup({ owner: 'Slow Session' });
    const reads: string[] = [];
    backend.msw.use(
      http.get('/auth/session', uiStates.loading),
      backend.route('get', groupPath(group.Id), { before: (request) => reads.push(request.url) }),
    );
    renderGroupPage(group.Id);
    expect(await screen.findByRole('status', { name: 'Checking your sign-in' })).toBeVisible();
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    expect(screen.getByRole('status', { name: 'Checking your sign-in' })).toBeVisible();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });
});

describe('group page with a group as the real Spark API sends it', () => {
  it('shows an agent listed as a Member as such, with no portal state, and counts only portal members', async () => {
    // The emulator never lists an agent in a group: this is the live API's shape, recorded.
    backend.msw.use(http.get(groupPath(REAL_GROUP_ID), () => Response.json(groupAsSparkSendsIt)));
    renderGroupPage(REAL_GROUP_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Lindqvist' })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Members' });
    const rowOf = (name: string) => {
      const row = within(table)
        .getAllByRole('row')
        .find((candidate) => within(candidate).queryByText(name));
      if (!row) throw new Error(`No row for ${name}`);
      return row;
    };
    const agentRow = rowOf('Avery Stone');
    expect(within(agentRow).getByText('Agent')).toBeVisible();
    expect(within(agentRow).getAllByLabelText('Not shown for this user')).toHaveLength(3);
    expect(within(agentRow).queryByText(/Inactive|Disabled|Never/)).not.toBeInTheDocument();
    expect(within(agentRow).queryByRole('button', { name: 'Remove Avery Stone' })).toBeVisible();

    const tomas = rowOf('Tomás Ferreira');
    expect(within(tomas).getByText('Inactive')).toBeVisible();
    expect(within(tomas).getByText('Enabled')).toBeVisible();
    expect(within(tomas).getByRole('time')).toHaveAttribute('dateTime', '2026-09-02T17:45:10.000Z');
    expect(within(rowOf('Rosa Lindqvist')).getByRole('time')).toHaveAttribute(
      'dateTime',
      '2026-11-26T14:15:00.000Z',
    );

    const activity = await screen.findByRole(
      'region',
      { name: 'Sign-in activity' },
      { timeout: 5000 },
    );
    const counted = within(activity)
      .getAllByRole('listitem')
      .map((item) => Number(/(\d+) members?$/.exec(item.textContent ?? '')?.[1]));
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(2);
    expect(within(activity).getByText('Invited, never signed in').nextSibling).toHaveTextContent(
      '0 members',
    );
  });
});
