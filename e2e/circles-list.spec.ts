import { expect, test, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  ownerName,
  saveScreenshot,
  setScheme,
  signIn,
  SLOW_NETWORK,
  sparkApi,
  VIEWS,
} from './support.js';

// Long journeys on a machine shared with other runs.
test.beforeEach(() => test.slow());

/** Holds every groups-list request until released: a network as slow as a test needs. */
async function slowListRequests(page: Page) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/v1\/portal\/groups\?/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

function listRow(page: Page, owner: string) {
  return page
    .getByRole('table', { name: 'Portal groups' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: owner, exact: true }) });
}

test(
  'after remove, add, Favorites and delete the list shows the new state before any refetch',
  SLOW_NETWORK,
  async ({ page, request }) => {
    const api = sparkApi(request);
    const groups = await api.groups({ _orderby: 'Name' });
    const group = groups[12]!;
    const doomed = groups[13]!;
    const owner = ownerName(group);
    const member = group.Users.find((user) => user.Id !== group.ContactId)!;
    const inGroup = new Set(group.Users.map((user) => user.Id));
    const newcomer = (await api.contacts({ _filter: 'VowEnabled Eq true', _limit: 25 })).find(
      (contact) => !inGroup.has(contact.Id),
    )!;
    await signIn(page, 'Avery Stone');
    const row = listRow(page, owner);
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(group.Users.length));

    const release = await slowListRequests(page);
    await row.getByRole('link', { name: owner }).click();
    await page.getByRole('button', { name: `Remove ${member.Name}` }).click();
    await expect(page.getByText(`Removed ${member.Name}`)).toBeVisible();
    await page.goBack();
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(group.Users.length - 1));
    await expect(row).not.toContainText(member.Name);

    await row.getByRole('link', { name: owner }).click();
    await page.getByRole('button', { name: 'Add members' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Search contacts' }).fill(newcomer.DisplayName);
    await dialog.getByRole('checkbox', { name: newcomer.DisplayName }).check();
    await dialog.getByRole('button', { name: /^Add/ }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Favorites', exact: true }).click();
    await expect(page.getByText('Added to Favorites')).toBeVisible();
    await page.goBack();
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(group.Users.length));
    await expect(row.getByText('Favorites', { exact: true })).toBeVisible();

    const doomedOwner = ownerName(doomed);
    await listRow(page, doomedOwner).getByRole('link', { name: doomedOwner }).click();
    await page.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
    await expect(page.getByText(/^Deleted .+'s group$/)).toBeVisible();
    await expect(page).toHaveURL(/\/groups$/);
    await expect(row).toBeVisible();
    await expect(listRow(page, doomedOwner)).toHaveCount(0);
    release();
  },
);

test('Ctrl+K "start one" for a contact without a group opens New group with them as owner', async ({
  page,
  request,
}) => {
  const api = sparkApi(request);
  const candidates = await api.contacts({ _filter: 'VowEnabled Eq true', _limit: 25 });
  // "Start one" is offered only to someone in no circle at all, as owner or member.
  const inACircle = new Set<string>();
  for (let number = 1; ; number += 1) {
    const groups = await api.groups({ _page: number });
    for (const group of groups) for (const user of group.Users) inACircle.add(user.Id);
    if (groups.length < 25) break;
  }
  const contact = candidates.find((candidate) => !inACircle.has(candidate.Id))!;
  await signIn(page, 'Avery Stone');
  await expect(page.getByRole('table', { name: 'Portal groups' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Jump to' }).fill(contact.DisplayName);
  await page
    .getByRole('button', { name: new RegExp(`${contact.DisplayName}.*in no group: start one`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/groups/new\\?owner=${contact.Id}$`));
  await expect(page.getByText(`Owner: ${contact.DisplayName}`)).toBeVisible();
});

/** The page is no wider than the screen and the header is one line with Sign out in view. */
async function expectFitsScreen(page: Page) {
  const width = page.viewportSize()!.width;
  const root = await page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.scrollingElement!;
    return { scrollWidth, clientWidth };
  });
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
  expect(signOut.x + signOut.width).toBeLessThanOrEqual(width);
  const header = (await page.locator('header').boundingBox())!;
  expect(header.height).toBeLessThanOrEqual(signOut.height + 32);
}

/** Contrast between an element's border and the page behind it. */
function edgeContrast(element: Element) {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const edge = luminance(getComputedStyle(element).borderTopColor);
  const page = luminance(getComputedStyle(document.body).backgroundColor);
  return (Math.max(edge, page) + 0.05) / (Math.min(edge, page) + 0.05);
}

for (const { width, scheme } of VIEWS) {
  test(`the list, New group and the whole book at ${width} px in ${scheme} mode: axe clean, fit the screen`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, 'Avery Stone');
    await setScheme(page, scheme);
    await expect(page.getByRole('link', { name: /./ }).nth(5)).toBeVisible();
    await expectFitsScreen(page);
    // Phones get stacked cards that never scroll sideways; wide screens the table.
    const list = page.getByRole(width < 600 ? 'list' : 'table', { name: 'Portal groups' });
    await expect(list.getByRole('checkbox').first()).toBeVisible();
    // An unticked box stands out from the page (WCAG 1.4.11 asks 3:1), in both schemes.
    expect(
      await list.getByRole('checkbox', { checked: false }).first().evaluate(edgeContrast),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await list.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.right <= window.innerWidth && element.scrollWidth <= element.clientWidth;
      }),
    ).toBe(true);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `list-${width}-${scheme}`);

    await page.goto('/groups/new');
    await expect(page.getByRole('button', { name: 'Create group' })).toBeVisible();
    await expectFitsScreen(page);
    expect(
      await page.getByRole('radio', { disabled: false }).first().evaluate(edgeContrast),
    ).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `new-group-${width}-${scheme}`);

    await page.goto('/groups?all=1&fav=1');
    await expect(page.getByText(/^\d+ of \d+ groups \(all loaded/)).toBeVisible();
    await expectFitsScreen(page);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, `whole-book-${width}-${scheme}`);
  });
}

test('a consumer on a 375 px phone: the page fits and Sign out is in view', async ({
  page,
  request,
}, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, (await sparkApi(request, 'demo-vow').me()).Name);
  await expect(page.getByRole('link', { name: /./ }).nth(2)).toBeVisible();
  await expectFitsScreen(page);
  await saveScreenshot(page, testInfo, 'list-375-consumer');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
});

test('a declined sign-in says so instead of looking like a sign-out', async ({
  page,
}, testInfo) => {
  await page.goto('/groups');
  await page.getByRole('link', { name: 'Sign in with Flexmls' }).click();
  const state = new URL(page.url()).searchParams.get('state') ?? '';
  expect(state).not.toBe('');
  await page.goto(`/auth/callback?${new URLSearchParams({ error: 'access_denied', state })}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Sign-in failed');
  await expect(alert).toContainText('Flexmls did not give this app access');
  await expect(page.getByText('You are signed out')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, testInfo, 'sign-in-failed');
  await page.getByRole('link', { name: 'Sign in with Flexmls' }).click();
  await page.getByRole('button', { name: 'Sign in as Avery Stone' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('the breadcrumb returns to the list as it was; ticking a row does not move the table', async ({
  page,
}, testInfo) => {
  await signIn(page, 'Avery Stone', '/groups?sort=-Name&page=2');
  const table = page.getByRole('table', { name: 'Portal groups' });
  const firstLink = table.getByRole('link').first();
  await expect(firstLink).toBeVisible();
  const before = (await table.boundingBox())!;
  await table.getByRole('checkbox').nth(1).check();
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toBeVisible();
  expect((await table.boundingBox())!.y).toBe(before.y);
  await saveScreenshot(page, testInfo, 'list-with-selection');

  const owner = (await firstLink.textContent()) ?? '';
  await firstLink.click();
  await expect(page.getByRole('heading', { level: 1, name: owner })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Groups' })
    .click();
  await expect(page).toHaveURL(/\/groups\?sort=-Name&page=2$/);
  await expect(table.getByRole('link').first()).toHaveText(owner);
});

for (const width of [1440, 375]) {
  test(`at ${width} px with the bulk bar showing, every row can be reached and ticked`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    await signIn(page, 'Avery Stone');
    const list = page.getByRole(width < 600 ? 'list' : 'table', { name: 'Portal groups' });
    const rows = list.getByRole('checkbox', { name: /^Select (?!all)/ });
    await expect(rows.nth(24)).toBeVisible();
    await rows.first().check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar).toContainText('1 group selected');
    await page.evaluate(() => window.scrollTo(0, 0));

    // Focus moves down the rows as Tab would: each one scrolls into view above the bar, not under it.
    for (let index = 1; index < 25; index += 1) {
      const box = rows.nth(index);
      await box.focus();
      const hidden = await box.evaluate((element) => {
        const row = element.closest('tr, li')!;
        const { x, y, width: w, height: h } = element.getBoundingClientRect();
        const hit = document.elementFromPoint(x + w / 2, y + h / 2);
        return !hit || !row.contains(hit);
      });
      expect(hidden, `row ${index + 1} is hidden under the bar`).toBe(false);
    }
    await rows.nth(24).check();
    await expect(bar).toContainText('2 groups selected');
    await saveScreenshot(page, testInfo, `list-selection-${width}`);
  });
}

test(
  'Undo after deleting a group creates it again with the same members and tags',
  SLOW_NETWORK,
  async ({ page, request }) => {
    const api = sparkApi(request);
    const group = (await api.groups({ _orderby: 'Name' }))[16]!;
    await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
    await page.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
    await expect(page.getByText(/^Deleted .+'s group$/)).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(/^Restored .+'s group$/)).toBeVisible();
    const restored = (await api.group(group.Id))!;
    expect(restored.Users.map((user) => user.Id).sort()).toEqual(
      group.Users.map((user) => user.Id).sort(),
    );
    expect(restored.Tags).toEqual(group.Tags);
    await expect(
      page
        .getByRole('table', { name: 'Portal groups' })
        .getByRole('link', { name: ownerName(group), exact: true }),
    ).toBeVisible();
  },
);
