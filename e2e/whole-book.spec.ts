import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { checkViews, expectNoAxeViolations, signIn, SLOW_NETWORK } from './support.js';

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

test(
  "a client's circles by a member's name: pages, Ctrl+K, and the whole book's search, selection, export, bulk delete with Undo and sign-in sort",
  SLOW_NETWORK,
  async ({ page }, testInfo) => {
    await signIn(page, 'Avery Stone', `/groups?q=${encodeURIComponent('Beatriz Castillo')}`);
    // Beatriz owns no circle: Flexmls finds none by owner; the app finds those she is in.
    await expect(page.getByText('No circle’s owner is named “Beatriz Castillo”.')).toBeVisible();
    const found = page.getByRole('table', {
      name: 'Circles with a member named “Beatriz Castillo”',
    });
    await expect(found.getByText('Beatriz Castillo is a member').first()).toBeVisible();
    const circles = await found.locator('tbody tr').count();
    expect(circles).toBeGreaterThan(1);
    await checkViews(page, testInfo, 'member-search', async (phone) => {
      const list = phone
        ? page.getByRole('list', { name: 'Circles with a member named “Beatriz Castillo”' })
        : found;
      await expect(list.getByText('Beatriz Castillo is a member').first()).toBeVisible();
    });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog');
    await palette.getByRole('textbox', { name: 'Jump to' }).fill('Beatriz Castillo');
    await expect(
      palette.getByRole('button', { name: /Group · Beatriz Castillo is a member/ }),
    ).toHaveCount(circles);
    await expect(
      palette.getByRole('button', { name: `member of ${circles} groups: show them`, exact: false }),
    ).toBeVisible();
    await expect(palette.getByRole('button', { name: /start one/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // The whole book opens with the search; every match says why.
    await page.getByRole('button', { name: 'Load all groups' }).first().click();
    await expect(
      page.getByText(new RegExp(`^${circles} of \\d+ groups \\(all loaded`)),
    ).toBeVisible();
    const book = page.getByRole('table', { name: 'All portal groups matching “Beatriz Castillo”' });
    await expect(book.getByText('Beatriz Castillo is a member')).toHaveCount(circles);
    // One tab stop per row action: the sign-in times are not tab stops.
    await expect(book.locator('time[tabindex]')).toHaveCount(0);
    const names = await book.locator('tbody th a').allTextContents();

    await book.getByRole('checkbox', { name: 'Select all on this page' }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText(`${circles} groups selected`)).toBeVisible();
    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export CSV' }).click();
    const lines = (await readFile(await (await download).path(), 'utf8')).trim().split('\r\n');
    // Times as a spreadsheet reads them, in the browser's zone, which the header names.
    expect(lines[0]).toMatch(/,Last login \(.+\)$/);
    for (const line of lines.slice(1)) expect(line).toMatch(/,(\d{4}-\d\d-\d\d \d\d:\d\d|Never)$/);

    await bar.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: `Delete ${circles} groups` })
      .click();
    const toast = page.locator('[data-toast]', { hasText: `Deleted ${circles} groups` });
    await expect(toast).toBeVisible();
    await expect(book.locator('tbody tr')).toHaveCount(0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(`Restored ${circles} groups`)).toBeVisible();
    await expect(book.locator('tbody th a')).toHaveText(names);

    // Sort by sign-in either way from the column's header, which says which applies.
    await page.getByRole('searchbox', { name: 'Search groups' }).fill('');
    const all = page.getByRole('table', { name: 'All portal groups' });
    const signInHeader = all.getByRole('columnheader', { name: /Last sign-in/ });
    await signInHeader.getByRole('button').click();
    await expect(signInHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(all.getByRole('columnheader', { name: /Owner/ })).not.toHaveAttribute('aria-sort');
    await signInHeader.getByRole('button').click();
    await expect(signInHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/by=signin-oldest/);
    await checkViews(page, testInfo, 'whole-book-oldest-sign-in', async (phone) => {
      await expect(
        phone ? page.getByRole('list', { name: 'All portal groups' }) : all,
      ).toBeVisible();
    });
  },
);
