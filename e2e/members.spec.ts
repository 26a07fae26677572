import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { PortalGroup } from '../src/shared/portal-groups.js';
import { expectNoAxeViolations, ownerName, saveScreenshot, signIn, sparkApi } from './support.js';

const VIEWS = [
  { width: 1440, height: 900, scheme: 'light' },
  { width: 1440, height: 900, scheme: 'dark' },
  { width: 375, height: 812, scheme: 'light' },
  { width: 375, height: 812, scheme: 'dark' },
] as const;

async function setScheme(page: Page, scheme: 'light' | 'dark') {
  const html = page.locator('html');
  if ((await html.getAttribute('data-mantine-color-scheme')) !== scheme) {
    await page.getByRole('button', { name: /color scheme/i }).click();
  }
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
}

/** For each size and scheme: no axe violations, and a screenshot named `<name>-<width>-<scheme>`. */
async function checkViews(
  page: Page,
  testInfo: TestInfo,
  name: string,
  ready: (phone: boolean) => Promise<void>,
) {
  for (const view of VIEWS) {
    await page.setViewportSize({ width: view.width, height: view.height });
    await setScheme(page, view.scheme);
    await ready(view.width < 600);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `${name}-${view.width}-${view.scheme}`);
  }
}

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
  });
  await expect(page.getByText(/signed in within the last 30 days/)).toBeVisible();
});
