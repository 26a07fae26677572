import { expect, test, type Page } from '@playwright/test';
import { E2E_SHORT_TOKEN_PORT } from '../playwright.config.js';
import {
  expectNoAxeViolations,
  ownerName,
  saveScreenshot,
  signIn,
  SLOW_NETWORK,
  sparkApi,
  VIEWS,
} from './support.js';

/** "Add an agent" runs the Spark sign-in again; the authorize page signs the agent in. */
async function addAgent(page: Page, name: string) {
  await page.getByRole('button', { name: /^Working for/ }).click();
  await page.getByRole('menuitem', { name: 'Add an agent' }).click();
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole('status', { name: `You are working for ${name}` })).toBeVisible();
}

async function workFor(page: Page, name: string) {
  await page.getByRole('button', { name: /^Working for/ }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
  // The page left stays on screen until the agent's page is ready to show.
  await expect(page.getByRole('status', { name: `You are working for ${name}` })).toBeVisible();
}

async function shownOwners(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Portal groups' });
  await expect(table.getByRole('link').first()).toBeVisible();
  return table.getByRole('rowheader').allTextContents();
}

test.describe('office assistants', () => {
  test(
    'Riley adds Avery and Jordan, works for each, sees all, removes one, reads the audit',
    SLOW_NETWORK,
    async ({ page, context, request }, testInfo) => {
      // Eleven screens and a download, on a machine other runs share.
      test.setTimeout(120_000);
      const avery = (
        await sparkApi(request, 'demo-private').groups({ _orderby: 'Name', _limit: 25 })
      )
        .map(ownerName)
        .sort();
      const jordan = (
        await sparkApi(request, 'demo-private-2').groups({ _orderby: 'Name', _limit: 25 })
      )
        .map(ownerName)
        .sort();
      expect(avery.length).toBeGreaterThan(0);
      expect(jordan.length).toBeGreaterThan(0);

      await signIn(page, 'Riley Park');
      await expect(
        page.getByRole('heading', { name: 'Add the agents you work for' }),
      ).toBeVisible();
      await addAgent(page, 'Avery Stone');
      await expect(page).toHaveURL(/\/for\/\d+\/groups$/);
      expect((await shownOwners(page)).sort()).toEqual(avery);
      await addAgent(page, 'Jordan Lee');
      expect((await shownOwners(page)).sort()).toEqual(jordan);
      await expectNoAxeViolations(page);

      // A second tab works for Avery while this one stays with Jordan; neither sees the other's.
      await workFor(page, 'Avery Stone');
      expect((await shownOwners(page)).sort()).toEqual(avery);
      const other = await context.newPage();
      await other.goto(page.url());
      expect((await shownOwners(other)).sort()).toEqual(avery);
      await workFor(page, 'Jordan Lee');
      expect((await shownOwners(page)).sort()).toEqual(jordan);
      await other.reload();
      expect((await shownOwners(other)).sort()).toEqual(avery);
      await expect(
        other.getByRole('status', { name: 'You are working for Avery Stone' }),
      ).toBeVisible();

      // A write for Jordan in this tab: Favorites on Jordan's first group.
      const firstGroup = page
        .getByRole('table', { name: 'Portal groups' })
        .getByRole('link')
        .first();
      const groupOwner = await firstGroup.textContent();
      await firstGroup.click();
      const favorites = page.getByRole('button', { name: 'Favorites', exact: true });
      const pressed = await favorites.getAttribute('aria-pressed');
      await favorites.click();
      await expect(favorites).toHaveAttribute(
        'aria-pressed',
        pressed === 'true' ? 'false' : 'true',
      );
      await other.close();

      // All my agents: every agent's groups, labelled.
      await page.goto(page.url().replace(/\/groups\/.*$/, '/groups'));
      await page.getByRole('button', { name: 'All my agents' }).click();
      const all = page.getByRole('table', { name: 'Portal groups of all my agents' });
      await expect(page.getByText(/^(\d+) of \1 groups of 2 agents$/)).toBeVisible();
      await expect(all.getByRole('cell', { name: 'Avery Stone' }).first()).toBeVisible();
      await expect(all.getByRole('cell', { name: 'Jordan Lee' }).first()).toBeVisible();
      await saveScreenshot(page, testInfo, 'all-agents-light');
      const averyRow = all
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'Avery Stone' }) })
        .first();
      await averyRow.getByRole('link').click();
      await expect(
        page.getByRole('status', { name: 'You are working for Avery Stone' }),
      ).toBeVisible();
      await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
      // The way back leads to All my agents, not to Avery's own list.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').click();
      await expect(all).toBeVisible();
      await expect(page).toHaveURL(/\/groups\?agents=all$/);
      await expect(page).not.toHaveURL(/\/groups\/\d+/);

      // Removal: Avery's sign-in is dropped and the tab goes on with Jordan, the agent left.
      await workFor(page, 'Avery Stone');
      await page.getByRole('button', { name: /^Working for/ }).click();
      await page.getByRole('menuitem', { name: 'Remove Avery Stone…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove agent' }).click();
      await expect(
        page.getByRole('status', { name: 'You are working for Jordan Lee' }),
      ).toBeVisible();
      expect((await shownOwners(page)).sort()).toEqual(jordan);

      // The audit trail: newest first, and the CSV has the same entries.
      await page.getByRole('button', { name: /^Working for/ }).click();
      await page.getByRole('menuitem', { name: 'Audit trail' }).click();
      const trail = page.getByRole('table', { name: 'Changes by you and for you, newest first' });
      await expect(trail.getByRole('row').nth(1)).toContainText(
        'Removed Avery Stone from your agents',
      );
      await expect(trail).toContainText('Jordan Lee');
      await expect(trail).toContainText('Succeeded');
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, 'audit-light');
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Export CSV' }).click();
      const csv = await (await download).createReadStream();
      let text = '';
      for await (const chunk of csv) text += String(chunk);
      const lines = text.trim().split(/\r?\n/);
      expect(lines[0]).toMatch(
        /^\uFEFF?At \([\w/+-]+\),Change,Undo,Outcome,Code,ActorName,ForName,CircleName,People,/,
      );
      expect(
        lines.slice(1).some((line) => line.includes('Jordan Lee') && line.includes('Riley Park')),
      ).toBe(true);
      expect(groupOwner).toBeTruthy();
    },
  );

  for (const { width, scheme } of VIEWS) {
    test(`working-for screens at ${width} px in ${scheme} mode`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, 'Riley Park');
      // Her first screen: what to do first, not an empty list.
      await expect(
        page.getByRole('heading', { name: 'Add the agents you work for' }),
      ).toBeVisible();
      await expect(page.getByText('No groups yet')).toHaveCount(0);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, `first-screen-${width}-${scheme}`);
      await page.getByRole('link', { name: 'Add an agent' }).click();
      await page.getByRole('button', { name: 'Sign in as Avery Stone' }).click();
      await expect(
        page.getByRole('status', { name: 'You are working for Avery Stone' }),
      ).toBeVisible();
      // Under 600 px the groups are a list of cards instead of a table.
      const groups = page.getByRole(width < 600 ? 'list' : 'table', { name: 'Portal groups' });
      await expect(groups.getByRole('link').first()).toBeVisible();
      // The header names whom Riley works for (a first name on a phone) and keeps the app's
      // title whole beside it.
      const trigger = page.getByRole('button', { name: /^Working for/ });
      const agent = ((await trigger.getAttribute('aria-label')) ?? '').replace('Working for ', '');
      await expect(trigger).toHaveText(
        width < 600
          ? new RegExp(`^${agent.split(' ')[0]}\\W*$`)
          : new RegExp(`Working for: ${agent}`),
        { useInnerText: true },
      );
      const title = page.getByRole('banner').getByRole('link', { name: /^Portal Groups/ });
      expect(await title.evaluate((link) => link.scrollWidth <= link.clientWidth)).toBe(true);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, `working-for-${width}-${scheme}`);
      await page.getByRole('button', { name: /^Working for/ }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await saveScreenshot(page, testInfo, `working-for-menu-${width}-${scheme}`);
      await page.keyboard.press('Escape');
      await page.goto(page.url().replace(/\/groups.*$/, '/audit'));
      await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
      await expect(page.getByText(/^Added .+ as an agent$/).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, `audit-${width}-${scheme}`);
    });
  }
});

test.describe('switching agents on the audit trail', () => {
  for (const width of [1440, 375] as const) {
    test(`the audit trail stays, with the header, for the agent switched to, at ${width} px`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, 'Riley Park');
      await addAgent(page, 'Avery Stone');
      await addAgent(page, 'Jordan Lee');
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.getByRole('button', { name: /^Working for/ }).click();
      await page.getByRole('menuitem', { name: 'Audit trail' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
      await expect(page.getByText(/^Added .+ as an agent$/).first()).toBeVisible();

      // It once went blank here: no header, no way out but reload.
      await workFor(page, 'Avery Stone');
      await expect(page).toHaveURL(/\/for\/\d+\/audit$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
      await expect(page.getByText(/^Added .+ as an agent$/).first()).toBeVisible();
      await expect(page.getByRole('banner')).toBeVisible();
      await saveScreenshot(page, testInfo, `audit-switched-${width}`);

      // And on, to the other agent and back to the groups from the header.
      await workFor(page, 'Jordan Lee');
      await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
      await page
        .getByRole('banner')
        .getByRole('link', { name: /^Portal Groups/ })
        .click();
      await expect(page).toHaveURL(/\/for\/\d+\/groups$/);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('an agent token expiring', () => {
  test.use({ baseURL: `http://127.0.0.1:${E2E_SHORT_TOKEN_PORT}` });

  test("Avery's token expires while Riley works for Jordan; both keep working", async ({
    page,
  }) => {
    await signIn(page, 'Riley Park');
    await addAgent(page, 'Avery Stone');
    await expect(
      page.getByRole('table', { name: 'Portal groups' }).getByRole('link').first(),
    ).toBeVisible();
    await addAgent(page, 'Jordan Lee');
    const jordanFirst = await page
      .getByRole('table', { name: 'Portal groups' })
      .getByRole('link')
      .first()
      .textContent();
    // Tokens live 3 s on this server: wait until Avery's has expired.
    const expiredAt = Date.now() + 3_500;
    await expect.poll(() => Date.now() > expiredAt, { timeout: 10_000 }).toBe(true);
    await page.reload();
    await expect(
      page.getByRole('table', { name: 'Portal groups' }).getByRole('link').first(),
    ).toHaveText(jordanFirst!);
    await workFor(page, 'Avery Stone');
    await expect(
      page.getByRole('status', { name: 'You are working for Avery Stone' }),
    ).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Portal groups' }).getByRole('link').first(),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });
});
