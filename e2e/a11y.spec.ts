import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, saveScreenshot, setScheme, signIn, sparkApi } from './support.js';

for (const scheme of ['light', 'dark'] as const) {
  test(`every page has no axe violations in ${scheme} mode`, async ({
    page,
    request,
  }, testInfo) => {
    // Six axe runs: more than the default minute on a machine shared with other runs.
    test.slow();
    await page.goto('/groups');
    await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
    await expectNoAxeViolations(page);

    const group = (await sparkApi(request).groups())[1]!;
    await signIn(page, 'Avery Stone');
    await setScheme(page, scheme);
    await expect(
      page.getByRole('table', { name: 'Portal groups' }).getByRole('link').first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `groups-${scheme}`);

    await page.goto(`/groups/${group.Id}`);
    await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `group-${scheme}`);

    await page.getByRole('button', { name: 'Add members' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Add members' })).toBeFocused();

    await page.getByRole('button', { name: 'Delete group' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Delete group' })).toBeFocused();

    await page.goto('/groups/new');
    await expect(page.getByRole('button', { name: 'Create group' })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `new-group-${scheme}`);

    await page.goto('/groups/00000000000000000000000000');
    await expect(page.getByText('Group not found')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the main journey works on a 375×812 phone screen', async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const group = (await sparkApi(request).groups())[8]!;
  await signIn(page, 'Avery Stone');
  const link = page.getByRole('list', { name: 'Portal groups' }).getByRole('link').nth(8);
  await expect(link).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, testInfo, 'groups-phone');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.Id}$`));
  await expect(page.getByRole('list', { name: 'Members' })).toBeVisible();
  const favorites = page.getByRole('button', { name: 'Favorites', exact: true });
  const pressed = await favorites.getAttribute('aria-pressed');
  await favorites.click();
  await expect(favorites).not.toHaveAttribute('aria-pressed', pressed ?? '');
  await favorites.click();
  await expect(favorites).toHaveAttribute('aria-pressed', pressed ?? '');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow).toBe(false);
  await saveScreenshot(page, testInfo, 'group-phone');
});
