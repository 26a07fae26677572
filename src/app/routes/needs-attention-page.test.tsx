import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupRealBackend } from '../testing/real-backend.js';
import { renderApp } from '../testing/render-app.js';

const backend = setupRealBackend({ eachTest: true });
const DAY = 24 * 3_600_000;

/** Each row's person, reason and circles, as the table shows them. */
function rows() {
  const table = screen.getByRole('table', { name: /^People who need attention/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent,
      within(row).getAllByRole('cell')[0]?.textContent,
      within(row)
        .getAllByRole('link')
        .map((link) => link.textContent)
        .join(', '),
    ]);
}

describe('Needs attention', () => {
  it('lists each quiet, never-signed-in or portal-off person once, with their circles and the next action', async () => {
    const avery = await backend.signIn('Avery Stone');
    const [olivia, kim] = await avery.replaceGroups([
      { owner: 'Olivia Oak', members: ['Bea Brown', 'Carl Contact', 'Dana Disabled'] },
      { owner: 'Kim Owner', members: ['Carl Contact', 'Nell New'] },
    ]);
    const idOf = (name: string) =>
      [...(olivia?.Users ?? []), ...(kim?.Users ?? [])].find((user) => user.Name === name)?.Id ??
      '';
    for (const [name, daysAgo] of [
      ['Olivia Oak', 0],
      ['Bea Brown', 1],
      ['Carl Contact', 125],
      ['Dana Disabled', 2],
      ['Kim Owner', 3],
    ] as const) {
      backend.portalSignIn(idOf(name), new Date(Date.now() - daysAgo * DAY));
    }
    await avery.setPortal(idOf('Dana Disabled'), false);
    backend.browseAs(avery);

    const { user } = renderApp('/groups');
    await user.click(await screen.findByRole('link', { name: 'Needs attention' }));
    expect(await screen.findByText('3 people need attention')).toBeVisible();
    // Oldest sign-in first: never, then 125 days ago, then 2 days ago (portal off); once each,
    // with their circles in the list's order.
    expect(rows()).toEqual([
      ['Nell New', 'Never signed in', "Kim Owner's circle"],
      ['Carl Contact', 'Quiet for 4 months', "Kim Owner's circle, Olivia Oak's circle"],
      ['Dana Disabled', 'Portal off', "Olivia Oak's circle"],
    ]);
    const signInHeader = screen.getByRole('columnheader', { name: /Last sign-in/ });
    expect(signInHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(signInHeader).toHaveTextContent('Last sign-in (oldest first)');

    await user.click(within(signInHeader).getByRole('button'));
    expect(screen.getByRole('columnheader', { name: /Last sign-in/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(rows().map(([name]) => name)).toEqual(['Dana Disabled', 'Carl Contact', 'Nell New']);
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/needs-attention?sort=-signin'),
    );

    // Portal on: Dana signed in two days ago, so she is active again and leaves the list at once.
    await user.click(screen.getByRole('button', { name: 'Turn portal on for Dana Disabled' }));
    expect(await screen.findByText('2 people need attention')).toBeVisible();
    expect(await screen.findByText('Portal turned on for Dana Disabled')).toBeVisible();
    expect(
      (await avery.group(olivia?.Id ?? '')).Users.find((u) => u.Name === 'Dana Disabled'),
    ).toMatchObject({ Enabled: true });

    // Removing Carl from one circle keeps him listed with the other; Undo puts him back.
    const removeButtons = () => screen.getAllByRole('button', { name: /^Remove / });
    const removeCarl = screen.getByRole('button', {
      name: "Remove Carl Contact from Olivia Oak's circle",
    });
    const after = removeButtons()[removeButtons().indexOf(removeCarl) + 1];
    await user.click(removeCarl);
    // Focus goes on to the next Remove, as on the group page, not to the page's top.
    expect(document.activeElement).toBe(after);
    await waitFor(() =>
      expect(rows()).toContainEqual(['Carl Contact', 'Quiet for 4 months', "Kim Owner's circle"]),
    );
    await user.click(await screen.findByRole('button', { name: /Undo/ }));
    await waitFor(() =>
      expect(rows()).toContainEqual([
        'Carl Contact',
        'Quiet for 4 months',
        "Kim Owner's circle, Olivia Oak's circle",
      ]),
    );
    // After Undo, the restored row's Remove has focus.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: "Remove Carl Contact from Olivia Oak's circle" }),
      ),
    );

    // One reason only; the circle link opens the circle.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'never');
    expect(await screen.findByText('1 person needs attention (never signed in)')).toBeVisible();
    await user.click(screen.getByRole('link', { name: "Kim Owner's circle" }));
    expect(await screen.findByRole('heading', { level: 1, name: /Kim Owner/ })).toBeVisible();
  }, 60_000);

  it('says everyone is active when nobody needs attention', async () => {
    const avery = await backend.signIn('Avery Stone');
    const [group] = await avery.replaceGroups([{ owner: 'Olivia Oak', members: ['Bea Brown'] }]);
    for (const member of group?.Users ?? []) backend.portalSignIn(member.Id, new Date());
    backend.browseAs(avery);
    renderApp('/needs-attention');
    expect(await screen.findByRole('heading', { name: 'Everyone is active' })).toBeVisible();
  }, 30_000);

  it('goes through every added agent’s book for an assistant, naming the agent', async () => {
    const avery = await backend.signIn('Avery Stone');
    await avery.replaceGroups([{ owner: 'Ann Avery', members: ['Quiet Avery'] }]);
    const jordan = await backend.signIn('Jordan Lee');
    await jordan.replaceGroups([{ owner: 'Cat Jordan', members: ['Quiet Jordan'] }]);
    const riley = await backend.signIn('Riley Park');
    await backend.addAgent(riley, 'Avery Stone');
    await backend.addAgent(riley, 'Jordan Lee');
    backend.browseAs(riley);
    const { user } = renderApp('/needs-attention');
    await user.click(await screen.findByRole('button', { name: 'All my agents' }));
    const table = await screen.findByRole('table', {
      name: 'People who need attention, all my agents',
    });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((row) => [
            within(row).getByRole('rowheader').textContent,
            within(row).getAllByRole('cell')[3]?.textContent,
          ]),
      ).toEqual([
        ['Ann Avery', 'Avery Stone'],
        ['Cat Jordan', 'Jordan Lee'],
        ['Quiet Avery', 'Avery Stone'],
        ['Quiet Jordan', 'Jordan Lee'],
      ]),
    );
  }, 60_000);
});
