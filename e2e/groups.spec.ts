import { expect, test } from '@playwright/test';
import { ownerName, saveScreenshot, signIn, SLOW_NETWORK, sparkApi } from './support.js';

const groupLinks = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Portal groups' }).getByRole('link');

test(
  'the list is in owner order, flips, searches, pages, and keeps its state on reload',
  SLOW_NETWORK,
  async ({ page, request }, testInfo) => {
    const api = sparkApi(request);
    const firstPage = await api.groups({ _orderby: 'Name' });
    const total = await api.totalGroups();
    await signIn(page, 'Avery Stone');

    await expect(groupLinks(page)).toHaveText(firstPage.map(ownerName));
    await expect(page.getByText(`1–25 of ${total}`)).toBeVisible();
    await saveScreenshot(page, testInfo, 'groups');

    await page.getByRole('button', { name: /sort/i }).click();
    await expect(page).toHaveURL(/sort=-Name/);
    const descending = await api.groups({ _orderby: '-Name' });
    await expect(groupLinks(page)).toHaveText(descending.map(ownerName));
    await page.getByRole('button', { name: /sort/i }).click();
    await expect(groupLinks(page)).toHaveText(firstPage.map(ownerName));

    await page.getByRole('button', { name: /next page/i }).click();
    await expect(page).toHaveURL(/page=2/);
    const secondPage = await api.groups({ _orderby: 'Name', _page: 2 });
    await expect(groupLinks(page)).toHaveText(secondPage.map(ownerName));
    await expect(page.getByText(`26–${Math.min(50, total)} of ${total}`)).toBeVisible();

    const target = ownerName(firstPage[2]!);
    const term = target.split(' ')[0]!;
    await page.getByRole('searchbox', { name: 'Search groups' }).fill(term);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(term)}`));
    await expect(groupLinks(page).filter({ hasText: target })).toBeVisible();
    const matching = await api.groups({ _filter: `Name Eq '*${term.replace(/'/g, "\\'")}*'` });
    await expect(groupLinks(page)).toHaveCount(matching.length);

    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search groups' })).toHaveValue(term);
    await expect(groupLinks(page)).toHaveCount(matching.length);

    await page.getByRole('searchbox', { name: 'Search groups' }).fill('zzzz-nobody');
    await expect(page.getByText('No groups match')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search', exact: true }).click();
    await expect(groupLinks(page)).toHaveCount(25);
  },
);

test('a group shows its members with badges; Favorites toggles and survives reload', async ({
  page,
  request,
}, testInfo) => {
  const api = sparkApi(request);
  const group = (await api.groups({ _orderby: 'Name' }))[4]!;
  await signIn(page, 'Avery Stone');
  await groupLinks(page)
    .filter({ hasText: ownerName(group) })
    .first()
    .click();

  await expect(page.getByRole('heading', { level: 1, name: ownerName(group) })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row')).toHaveCount(group.Users.length + 1);
  await expect(members.getByText('Owner')).toBeVisible();
  await expect(members.getByText(/^(Active|Inactive)$/).first()).toBeVisible();
  await expect(members.getByText(/^(Enabled|Disabled)$/).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'group');

  const favorites = page.getByRole('button', { name: 'Favorites', exact: true });
  const was = group.Tags.includes('Favorites');
  await expect(favorites).toHaveAttribute('aria-pressed', String(was));
  await favorites.click();
  await expect(favorites).toHaveAttribute('aria-pressed', String(!was));
  await expect.poll(async () => (await api.group(group.Id))?.Tags.includes('Favorites')).toBe(!was);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Favorites', exact: true })).toHaveAttribute(
    'aria-pressed',
    String(!was),
  );
});

test(
  'add a member (after giving them a portal account), remove, undo, remove again',
  SLOW_NETWORK,
  async ({ page, request }) => {
    const api = sparkApi(request);
    const group = (await api.groups({ _orderby: 'Name' }))[6]!;
    const noPortal = await api.contactWithoutPortal();
    /** Whether the server has them in the group now. */
    const isMember = async () =>
      (await api.group(group.Id))?.Users.some((u) => u.Id === noPortal.Id);
    await signIn(page, 'Avery Stone', `/groups/${group.Id}`);

    await page.getByRole('button', { name: 'Add members' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Search contacts' }).fill(noPortal.DisplayName);
    await dialog.getByRole('button', { name: 'Create portal account' }).first().click();
    // Creating the account picks the contact (ticking the box again would untick them).
    const pickedContact = dialog.getByRole('checkbox', { name: noPortal.DisplayName });
    await expect(pickedContact).toBeChecked();
    await expect(pickedContact).toBeEnabled();
    await dialog.getByRole('button', { name: /^Add/ }).click();
    await expect(dialog).toBeHidden();
    const members = page.getByRole('table', { name: 'Members' });
    await expect(members.getByText(noPortal.DisplayName)).toBeVisible();
    await expect.poll(isMember).toBe(true);

    await page.getByRole('button', { name: `Remove ${noPortal.DisplayName}` }).click();
    await expect(members.getByText(noPortal.DisplayName)).toBeHidden();
    await expect.poll(isMember).toBe(false);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(members.getByText(noPortal.DisplayName)).toBeVisible();
    await expect.poll(isMember).toBe(true);

    await page.getByRole('button', { name: `Remove ${noPortal.DisplayName}` }).click();
    await expect(members.getByText(noPortal.DisplayName)).toBeHidden();
    await page.reload();
    await expect(
      page.getByRole('table', { name: 'Members' }).getByRole('row').first(),
    ).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Members' }).getByText(noPortal.DisplayName),
    ).toBeHidden();
  },
);

test('delete a group after confirming, then it is gone', async ({ page, request }) => {
  const api = sparkApi(request);
  const groups = await api.groups({ _orderby: '-Name' });
  const group = groups[0]!;
  await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
  await page.getByRole('button', { name: 'Delete group' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /delete/i })
    .click();
  await expect(page).toHaveURL(/\/groups(\?|$)/);
  await expect(page.getByRole('table', { name: 'Portal groups' })).toBeVisible();
  await expect
    .poll(async () => (await api.groups({ _orderby: '-Name' }))[0]?.Id)
    .not.toBe(group.Id);

  await page.goto(`/groups/${group.Id}`);
  await expect(page.getByText('Group not found')).toBeVisible();
});

test('a consumer sees their groups read-only', async ({ page, request }) => {
  const consumer = sparkApi(request, 'demo-vow');
  const groups = await consumer.groups();
  expect(groups.length).toBeGreaterThanOrEqual(2);
  await signIn(page, (await consumer.me()).Name);
  await expect(groupLinks(page)).toHaveCount(groups.length);
  await expect(page.getByRole('button', { name: 'New group' })).toHaveCount(0);
  await groupLinks(page).first().click();
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Favorites', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add members' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete group' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
});

test('sign out ends the session', async ({ page }) => {
  await signIn(page, 'Avery Stone');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
  await page.goto('/groups');
  await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
  const session = await page.request.get('/auth/session');
  expect(session.status()).toBe(401);
});
