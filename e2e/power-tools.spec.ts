import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { PortalGroup } from '../src/shared/portal-groups.js';
import {
  expectNoAxeViolations,
  ownerName,
  saveScreenshot,
  signIn,
  SLOW_NETWORK,
  sparkApi,
} from './support.js';

const groupsTable = (page: Page) => page.getByRole('table', { name: 'Portal groups' });

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Jump to' });
  await expect(search).toBeFocused();
  return search;
}

test('Ctrl+K finds a group by owner and a contact by e-mail, and jumps there', async ({
  page,
  request,
}, testInfo) => {
  const api = sparkApi(request);
  const [first, second] = (await api.groups({ _orderby: 'Name', _page: 2 })).slice(3, 5);
  if (!first || !second) throw new Error('The demo data has too few groups');
  const [owner] = await api.contacts({ _filter: `Id Eq '${second.ContactId}'` });
  if (!owner?.PrimaryEmail) throw new Error('The demo owner has no e-mail');
  await signIn(page, 'Avery Stone');

  let search = await openPalette(page);
  await search.fill(ownerName(first));
  const dialog = page.getByRole('dialog');
  const groupResult = dialog.getByRole('button', {
    name: new RegExp(`^${ownerName(first)} Group ·`),
  });
  await expect(groupResult).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, testInfo, 'palette');
  await groupResult.click();
  await expect(page.getByRole('heading', { level: 1, name: ownerName(first) })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/groups/${first.Id}$`));

  search = await openPalette(page);
  await search.fill(owner.PrimaryEmail);
  const contactResult = dialog.getByRole('button', {
    name: new RegExp(`${owner.PrimaryEmail.replace(/[.+]/g, '\\$&')} · open their group`),
  });
  await expect(contactResult).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ownerName(second) })).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
});

test(
  'Ctrl+K pressed as the page loads keeps every key typed at once, in order, while the palette loads',
  SLOW_NETWORK,
  async ({ page, request }) => {
    // An owner with a letter no keydown carries on a US keyboard (typed as text, like an accent
    // from a dead key): "Mateo García" lost its "í" while the palette loaded.
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => sparkApi(request).groups({ _orderby: 'Name', _page: page })),
    );
    const group = pages.flat().find((g) => /[^\x20-\x7e]/.test(ownerName(g)));
    if (!group) throw new Error('The demo data has no owner with an accented name');
    const owner = ownerName(group);
    await signIn(page, 'Avery Stone');
    const search = page.getByRole('textbox', { name: 'Jump to' });
    const result = page
      .getByRole('dialog')
      .getByRole('button', { name: new RegExp(`^${owner} Group ·`) });
    // First as the chunk arrives while the keys come (it was "Betriz" for "Beatriz"), then with
    // the chunk late, as on a phone's connection: every key typed from Ctrl+K on is kept.
    for (const lateChunk of [false, true]) {
      if (lateChunk) {
        await page.route(/\/assets\/command-palette-[^/]*\.js$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 800));
          await route.continue();
        });
      }
      await page.reload();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await page.keyboard.press('Control+k');
      await page.keyboard.type(owner);
      await expect(search).toHaveValue(owner);
      await expect(search).toBeFocused();
      await expect(result).toBeVisible();
      // Typing on once the box has focus carries on after what was kept.
      await page.keyboard.press('Backspace');
      await page.keyboard.type(owner.slice(-1));
      await expect(search).toHaveValue(owner);
      // Nothing typed reached the page behind: no shortcut ran, the address is the same.
      await expect(page).toHaveURL(/\/groups$/);
      // Closed, the keyboard is the page's again: `/` goes to the list's search.
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await page.keyboard.press('/');
      await expect(page.getByRole('searchbox', { name: 'Search groups' })).toBeFocused();
    }
  },
);

test(
  'bulk: select 3 groups, add them to Favorites with progress and a result, then undo',
  SLOW_NETWORK,
  async ({ page, request }, testInfo) => {
    const api = sparkApi(request);
    const firstPage = await api.groups({ _orderby: 'Name' });
    const chosen = firstPage.filter((group) => !group.Tags.includes('Favorites')).slice(0, 3);
    expect(chosen).toHaveLength(3);
    // Holds each write a moment so the progress can be seen.
    await page.route('**/api/v1/portal/groups/*', async (route) => {
      if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await signIn(page, 'Avery Stone');

    for (const group of chosen) {
      await groupsTable(page)
        .getByRole('checkbox', { name: `Select ${ownerName(group)}` })
        .check();
    }
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText('3 groups selected')).toBeVisible();
    await expectNoAxeViolations(page);
    await bar.getByRole('button', { name: 'Add to Favorites' }).click();
    const progress = page.getByRole('progressbar', { name: 'Bulk action progress' });
    await expect(progress).toHaveAttribute('aria-valuetext', /^[0-3] of 3$/);
    await expect(page.getByText('Added to Favorites: 3 of 3 groups')).toBeVisible();
    await saveScreenshot(page, testInfo, 'bulk');
    for (const group of chosen) {
      await expect.poll(async () => (await api.group(group.Id))?.Tags).toEqual(['Favorites']);
      await expect(
        groupsTable(page)
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: ownerName(group), exact: true }) })
          .getByText('Favorites'),
      ).toBeVisible();
    }

    await bar.getByRole('button', { name: 'Remove from Favorites' }).click();
    await expect(page.getByText('Removed from Favorites: 3 of 3 groups')).toBeVisible();
    for (const group of chosen) {
      await expect.poll(async () => (await api.group(group.Id))?.Tags).toEqual([]);
    }
  },
);

test('Export CSV downloads the members with a BOM, the header and accented names', async ({
  page,
  request,
}, testInfo) => {
  const api = sparkApi(request);
  let group: PortalGroup | undefined;
  for (let pageNumber = 1; !group && pageNumber <= 4; pageNumber += 1) {
    group = (await api.groups({ _orderby: 'Name', _page: pageNumber })).find((candidate) =>
      candidate.Users.some((user) => /[^\x20-\x7e]/.test(user.Name)),
    );
  }
  if (!group) throw new Error('The demo data has no accented member name');
  const accented = group.Users.find((user) => /[^\x20-\x7e]/.test(user.Name));
  if (!accented) throw new Error('unreachable');
  const [contact] = await api.contacts({ _filter: `Id Eq '${accented.Id}'` });
  await signIn(page, 'Avery Stone', `/groups/${group.Id}`);

  const chart = page.getByRole('region', { name: 'Sign-in activity' });
  await expect(chart.getByText('Active this week')).toBeVisible();
  // One bar per member state, the same states as the badges.
  await expect(chart.getByRole('listitem')).toHaveCount(5);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, testInfo, 'group-with-chart');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^members-.+\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^Group owner,Name,E-mail,Active,Enabled,Status,Last login \(.+\)$/);
  expect(lines).toHaveLength(group.Users.length + 1);
  const row = lines.find((line) => line.includes(accented.Name));
  expect(row).toBeDefined();
  expect(row).toContain(
    `${accented.Name},${contact?.PrimaryEmail ?? ''},${accented.Active ? 'Yes' : 'No'}`,
  );
});

test('a change in one tab shows in the other without a reload', async ({ context, request }) => {
  const api = sparkApi(request);
  const group = (await api.groups({ _orderby: 'Name' }))[9];
  if (!group) throw new Error('The demo data has too few groups');
  const was = group.Tags.includes('Favorites');
  const first = await context.newPage();
  await signIn(first, 'Avery Stone', `/groups/${group.Id}`);
  const second = await context.newPage();
  await second.goto(`/groups/${group.Id}`);
  const secondToggle = second.getByRole('button', { name: 'Favorites', exact: true });
  await expect(secondToggle).toHaveAttribute('aria-pressed', String(was));

  await first.getByRole('button', { name: 'Favorites', exact: true }).click();
  await expect.poll(async () => (await api.group(group.Id))?.Tags.includes('Favorites')).toBe(!was);
  await expect(secondToggle).toHaveAttribute('aria-pressed', String(!was));

  await secondToggle.click();
  await expect(first.getByRole('button', { name: 'Favorites', exact: true })).toHaveAttribute(
    'aria-pressed',
    String(was),
  );
});

test('keyboard: / focuses the search, j j Enter opens the 2nd row, ? lists the shortcuts', async ({
  page,
  request,
}) => {
  const firstPage = await sparkApi(request).groups({ _orderby: 'Name' });
  const secondRow = firstPage[1];
  if (!secondRow) throw new Error('The demo data has too few groups');
  await signIn(page, 'Avery Stone');
  await expect(groupsTable(page).getByRole('link').first()).toBeVisible();

  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search groups' });
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(groupsTable(page).getByRole('link', { name: ownerName(secondRow) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ownerName(secondRow) })).toBeVisible();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('cell', { name: 'Open the focused row' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
