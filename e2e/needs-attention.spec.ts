import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { checkViews, signIn, SLOW_NETWORK } from './support.js';

// Four sizes and schemes, each with an axe run.
test.describe.configure({ timeout: 240_000 });

test(
  'Needs attention lists the people to act on, on desk and phone, and exports them',
  SLOW_NETWORK,
  async ({ page }, testInfo) => {
    await signIn(page, 'Avery Stone');
    await page.getByRole('link', { name: 'Needs attention' }).click();
    await expect(page).toHaveURL(/\/needs-attention$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
    const count = page.getByText(/^\d+ (people need|person needs) attention$/);
    await expect(count).toBeVisible({ timeout: 60_000 });

    await checkViews(page, testInfo, 'needs-attention', async (phone) => {
      if (phone) {
        const cards = page.getByRole('list', { name: 'People who need attention' });
        await expect(cards.getByRole('listitem').first()).toBeVisible();
        // Each card names the reason and links its circles.
        await expect(cards.getByRole('listitem').first().getByRole('link').first()).toBeVisible();
      } else {
        const table = page.getByRole('table', { name: 'People who need attention' });
        await expect(table.getByRole('columnheader', { name: /Last sign-in/ })).toHaveAttribute(
          'aria-sort',
          'ascending',
        );
        await expect(table.locator('tbody tr').first()).toBeVisible();
      }
    });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFName,E-mail,Why,Last login \(.+\),Circles,Agent$/);
    const shown = Number((await count.textContent())?.split(' ')[0]);
    expect(lines.length - 1).toBe(shown);
  },
);
