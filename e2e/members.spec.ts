import { expect, test } from '@playwright/test';
import type { PortalGroup } from '../src/shared/portal-groups.js';
import {
  checkViews,
  expectNoAxeViolations,
  ownerName,
  saveScreenshot,
  signIn,
  SLOW_NETWORK,
  sparkApi,
} from './support.js';

// Four sizes and schemes, each with an axe run: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

/** A group of Avery's with an inactive member and one who never signed in, when there is one. */
async function groupToShow(groups: PortalGroup[]) {
  return (
    groups.find(
      (group) =>
        group.Users.length >= 3 &&
        group.Users.some((user) => !user.Enabled) &&
        group.Users.some((user) => user.LastLogin === null),
    ) ??
    groups.find((group) => group.Users.some((user) => user.LastLogin === null)) ??
    groups[0]!
  );
}

test('the group page shows each member’s state in words, in both schemes, on desk and phone', async ({
  page,
  request,
}, testInfo) => {
  const api = sparkApi(request);
  const group = await groupToShow([
    ...(await api.groups({ _page: 1 })),
    ...(await api.groups({ _page: 2 })),
  ]);
  await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
  await expect(page.getByRole('heading', { level: 1, name: ownerName(group) })).toBeVisible();

  await checkViews(page, testInfo, 'group', async (phone) => {
    const members = page.getByRole(phone ? 'list' : 'table', { name: 'Members' });
    await expect(members).toBeVisible();
    await expect(members.getByText(/^(Active|Inactive)$/).first()).toBeVisible();
    if (phone) {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow).toBe(false);
    }
    // Avery works for herself: in full on a desk, in one word on a phone.
    await expect(page.getByRole('button', { name: 'Working for My account' })).toHaveText(
      phone ? /^Me$/ : /^Working for: My account\W*$/,
      { useInnerText: true },
    );
  });
  await expect(page.getByText(/signed in within the last 30 days/)).toBeVisible();
});

/** A member of one of Avery's groups (not the owner) whose portal is on. */
async function memberWithPortalOn(groups: PortalGroup[]) {
  for (const group of groups) {
    const user = group.Users.find((u) => u.Id !== group.ContactId && u.Enabled);
    if (user) return { group, user };
  }
  throw new Error('No member with the portal on');
}

test('a member’s portal goes off after a confirmation, and on again', async ({
  page,
  request,
}, testInfo) => {
  const api = sparkApi(request);
  const { group, user } = await memberWithPortalOn((await api.groups()).slice(3));
  const portalOf = async () => {
    const response = await request.get(`/spark/v1/contacts/${user.Id}/portal`, {
      headers: { 'X-SparkApi-User-Agent': 'e2e', Authorization: 'OAuth demo-private' },
    });
    const body = (await response.json()) as { D: { Results: { Enabled: boolean }[] } };
    return body.D.Results[0]?.Enabled;
  };
  await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
  const members = page.getByRole('table', { name: 'Members' });
  const row = members.getByRole('row').filter({ hasText: user.Name });

  await row.getByRole('button', { name: `Turn portal off for ${user.Name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Turn the portal off for ${user.Name}?` });
  await expect(dialog.getByText(/loses access to the client portal/)).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, testInfo, 'portal-off-confirm');
  await dialog.getByRole('button', { name: 'Turn portal off' }).click();

  await expect(row.getByText('Portal off')).toBeVisible();
  await expect(row.getByText('Disabled')).toBeVisible();
  await expect(page.getByText(`Portal turned off for ${user.Name}`)).toBeVisible();
  await expect.poll(portalOf).toBe(false);
  await page.reload();
  await expect(row.getByText('Portal off')).toBeVisible();

  await row.getByRole('button', { name: `Turn portal on for ${user.Name}` }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(row.getByText('Enabled')).toBeVisible();
  await expect.poll(portalOf).toBe(true);
});

test(
  'the Add dialog keeps picks as chips across searches, and its Add button in view',
  SLOW_NETWORK,
  async ({ page, request }, testInfo) => {
    const api = sparkApi(request);
    const group = (await api.groups())[5]!;
    const inGroup = new Set(group.Users.map((u) => u.Id));
    const candidates = (
      await api.contacts({ _filter: 'VowEnabled Eq true', _limit: 25, _orderby: 'DisplayName' })
    ).filter((c) => !inGroup.has(c.Id));
    const [first, second] = [candidates[0]!, candidates[7]!];
    await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
    const dialog = page.getByRole('dialog', { name: 'Add members' });
    const search = dialog.getByRole('textbox', { name: 'Search contacts' });
    const picks = dialog.getByRole('list', { name: 'Picked contacts' });

    await checkViews(
      page,
      testInfo,
      'add-members',
      async () => {
        await page.getByRole('button', { name: 'Add members' }).click();
        await expect(dialog.getByRole('list', { name: 'Contacts' })).toBeVisible();
        await dialog.getByRole('checkbox', { name: first.DisplayName }).check();
        await expect(picks.getByText(first.DisplayName)).toBeVisible();
        await expect(dialog.getByRole('button', { name: 'Add (1)' })).toBeInViewport();
      },
      async () => {
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      },
    );

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Add members' }).click();
    await dialog.getByRole('checkbox', { name: first.DisplayName }).check();
    await search.fill(second.DisplayName);
    await expect(dialog.getByRole('checkbox', { name: first.DisplayName })).toBeHidden();
    await dialog.getByRole('checkbox', { name: second.DisplayName }).check();
    await expect(picks.getByRole('listitem')).toHaveText([first.DisplayName, second.DisplayName]);
    await dialog.getByRole('button', { name: 'Add (2)' }).click();

    const members = page.getByRole('table', { name: 'Members' });
    await expect(
      members.getByRole('button', { name: first.DisplayName, exact: true }),
    ).toBeVisible();
    await expect(
      members.getByRole('button', { name: second.DisplayName, exact: true }),
    ).toBeVisible();
    await expect
      .poll(async () => (await api.group(group.Id))?.Users.length)
      .toBe(group.Users.length + 2);

    for (const added of [first, second]) {
      await members.getByRole('button', { name: `Remove ${added.DisplayName}` }).click();
      await expect(
        members.getByRole('button', { name: added.DisplayName, exact: true }),
      ).toBeHidden();
    }
    await expect
      .poll(async () => (await api.group(group.Id))?.Users.length)
      .toBe(group.Users.length);
  },
);
