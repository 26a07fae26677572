import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, SLOW_NETWORK } from './support.js';

test.beforeEach(() => test.slow());

test(
  'load all groups, Favorites only across pages, sort by member count',
  SLOW_NETWORK,
  async ({ page }) => {
    await signIn(page, 'Avery Stone');
    await page.getByRole('button', { name: 'Load all groups' }).click();
    const summary = page.getByText(/^\d+ of \d+ groups \(all loaded/);
    await expect(summary).toBeVisible();
    // The filter lives in the URL, so the box shows ticked once the address has changed.
    const favoritesOnly = page.getByRole('checkbox', { name: 'Favorites only' });
    await favoritesOnly.click();
    await expect(favoritesOnly).toBeChecked();
    await expect(page).toHaveURL(/fav=1/);
    const rows = page.getByRole('table', { name: 'All portal groups' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row.getByText('Favorites')).toBeVisible();
    await page.getByRole('combobox', { name: 'Sort all groups by' }).selectOption('members');
    await expect(page).toHaveURL(/by=members/);
    await expectNoAxeViolations(page);
  },
);
