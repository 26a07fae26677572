import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  checkViews,
  expectNoAxeViolations,
  ownerName,
  signIn,
  SLOW_NETWORK,
  sparkApi,
} from './support.js';

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
  async ({ page, request }, testInfo) => {
    // A client in two or more circles who owns none (Beatriz Castillo in the demo data, unless
    // another journey has taken her out of one), as Spark has them now.
    const api = sparkApi(request);
    const groups: Awaited<ReturnType<typeof api.groups>> = [];
    for (let number = 1; ; number += 1) {
      const batch = await api.groups({ _page: number });
      groups.push(...batch);
      if (batch.length < 25) break;
    }
    const owners = new Set(groups.map((group) => group.ContactId));
    const memberships = new Map<string, number>();
    for (const group of groups)
      for (const user of group.Users)
        if (!owners.has(user.Id)) memberships.set(user.Name, (memberships.get(user.Name) ?? 0) + 1);
    const preferred =
      (memberships.get('Beatriz Castillo') ?? 0) > 1 ? 'Beatriz Castillo' : undefined;
    const ownerNames = groups.map(ownerName);
    const member =
      preferred ??
      [...memberships].find(
        ([name, count]) => count > 1 && !ownerNames.some((owner) => owner.includes(name)),
      )![0];
    const circles = memberships.get(member)!;
    await signIn(page, 'Avery Stone', `/groups?q=${encodeURIComponent(member)}`);
    // They own no circle: Flexmls finds none by owner; the app finds those she is in.
    await expect(page.getByText(`No circle’s owner is named “${member}”.`)).toBeVisible();
    const found = page.getByRole('table', {
      name: `Circles with a member named “${member}”`,
    });
    await expect(found.getByText(`${member} is a member`).first()).toBeVisible();
    await expect(found.locator('tbody tr')).toHaveCount(circles);
    await checkViews(page, testInfo, 'member-search', async (phone) => {
      const list = phone
        ? page.getByRole('list', { name: `Circles with a member named “${member}”` })
        : found;
      await expect(list.getByText(`${member} is a member`).first()).toBeVisible();
    });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog');
    await palette.getByRole('textbox', { name: 'Jump to' }).fill(member);
    await expect(
      palette.getByRole('button', { name: `Group · ${member} is a member` }),
    ).toHaveCount(circles);
    await expect(
      palette.getByRole('button', {
        name: `member of ${circles} ${circles === 1 ? 'group' : 'groups'}: show them`,
        exact: false,
      }),
    ).toBeVisible();
    await expect(palette.getByRole('button', { name: /start one/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // The whole book opens with the search; every match says why.
    await page.getByRole('button', { name: 'Load all groups' }).first().click();
    await expect(
      page.getByText(new RegExp(`^${circles} of \\d+ groups \\(all loaded`)),
    ).toBeVisible();
    const book = page.getByRole('table', { name: `All portal groups matching “${member}”` });
    await expect(book.getByText(`${member} is a member`)).toHaveCount(circles);
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
