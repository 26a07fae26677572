import { expect, test, type Page } from '@playwright/test';
import { ownerName, saveScreenshot, signIn, sparkApi } from './support.js';

test.describe.configure({ timeout: 120_000 });

/**
 * The controls the shown toast lies over (a part of their box under its box); none when no toast
 * is shown. The toast's own buttons do not count.
 */
function controlsUnderToast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const toast = document.querySelector('[data-toast]');
    if (!toast) return [];
    const t = toast.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('button, a[href], input')]
      .filter((control) => !toast.contains(control) && control.checkVisibility())
      .filter((control) => {
        const c = control.getBoundingClientRect();
        return (
          c.width > 0 &&
          c.left < t.right &&
          c.right > t.left &&
          c.top < t.bottom &&
          c.bottom > t.top
        );
      })
      .map((control) => control.getAttribute('aria-label') ?? control.textContent ?? '');
  });
}

const toasts = (page: Page) => page.locator('[data-toast]');

for (const width of [1440, 375] as const) {
  test(`removing three members shows one toast naming them, over no control, at ${width} px`, async ({
    page,
    request,
  }, testInfo) => {
    const groups = await sparkApi(request).groups({ _orderby: 'Name', _limit: 25 });
    const group = groups.find((g) => g.Users.length >= 6);
    if (!group) throw new Error('The demo data has no group with six members');
    await page.setViewportSize({ width, height: 800 });
    await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
    await expect(page.getByRole('heading', { level: 1, name: ownerName(group) })).toBeVisible();

    const members = page.getByRole(width < 600 ? 'list' : 'table', { name: 'Members' });
    const names: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      // The last row's Remove each time: the one a toast at the bottom would cover.
      const remove = members.getByRole('button', { name: /^Remove / }).last();
      names.push(((await remove.getAttribute('aria-label')) ?? '').replace(/^Remove /, ''));
      await remove.click();
      await expect(page.getByRole('button', { name: `Remove ${names[i]}` })).toHaveCount(0);
    }
    const [a, b, c] = names;
    const toast = toasts(page);
    await expect(toast).toHaveText(new RegExp(`Removed ${a}, ${b} and ${c}`));
    await expect(toast).toHaveCount(1);

    // Scrolled to the end, every row's actions are above the toast.
    await page.keyboard.press('End');
    await expect.poll(() => controlsUnderToast(page)).toEqual([]);
    // So is a control reached with the keyboard.
    await members
      .getByRole('button', { name: /^Remove / })
      .last()
      .focus();
    await expect.poll(() => controlsUnderToast(page)).toEqual([]);
    await saveScreenshot(page, testInfo, `toast-members-${width}`);

    // One Undo brings all three back.
    await toast.getByRole('button', { name: 'Undo' }).click();
    for (const name of names) {
      await expect(page.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
    }
  });

  test(`a toast never covers the bulk bar's buttons or the last rows, at ${width} px`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 800 });
    await signIn(page, 'Avery Stone');
    const list = page.getByRole(width < 600 ? 'list' : 'table', { name: 'Portal groups' });
    const boxes = list.getByRole('checkbox', { name: /^Select (?!all)/ });
    await expect(boxes.first()).toBeVisible();
    for (const index of [0, 1]) await boxes.nth(index).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText('2 groups selected')).toBeVisible();
    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export CSV' }).click();
    await download;
    await expect(toasts(page)).toHaveText(/CSV downloaded/);

    // The bar sits on the toast, its buttons whole and above it, wherever the page is scrolled.
    const barAboveToast = async () => {
      const [barBox, toastBox] = [await bar.boundingBox(), await toasts(page).boundingBox()];
      return barBox!.y + barBox!.height <= toastBox!.y + 1;
    };
    await expect.poll(barAboveToast).toBe(true);
    // Scrolled to the end, the last rows are above both.
    await page.keyboard.press('End');
    await expect.poll(() => controlsUnderToast(page)).toEqual([]);
    await expect.poll(barAboveToast).toBe(true);
    await saveScreenshot(page, testInfo, `toast-bulk-${width}`);
  });
}

test("a toast about one agent's change is gone once Riley works for another", async ({ page }) => {
  await signIn(page, 'Riley Park');
  for (const name of ['Avery Stone', 'Jordan Lee']) {
    await page.getByRole('button', { name: /^Working for/ }).click();
    await page.getByRole('menuitem', { name: 'Add an agent' }).click();
    await page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await expect(page.getByRole('status', { name: `You are working for ${name}` })).toBeVisible();
  }
  await page.getByRole('button', { name: /^Working for/ }).click();
  await page.getByRole('menuitem', { name: 'Avery Stone', exact: true }).click();
  await expect(page.getByRole('status', { name: 'You are working for Avery Stone' })).toBeVisible();
  await page.getByRole('table', { name: 'Portal groups' }).getByRole('link').first().click();
  const favorites = page.getByRole('button', { name: 'Favorites', exact: true });
  const pressed = (await favorites.getAttribute('aria-pressed')) === 'true';
  await favorites.click();
  await expect(toasts(page)).toHaveText(pressed ? /Removed from Favorites/ : /Added to Favorites/);

  await page.getByRole('button', { name: /^Working for/ }).click();
  await page.getByRole('menuitem', { name: 'Jordan Lee', exact: true }).click();
  await expect(page.getByRole('status', { name: 'You are working for Jordan Lee' })).toBeVisible();
  await expect(toasts(page)).toHaveCount(0);
  // Put Avery's group back as it was.
  await page.goBack();
  await expect(page.getByRole('status', { name: 'You are working for Avery Stone' })).toBeVisible();
  await favorites.click();
  await expect(favorites).toHaveAttribute('aria-pressed', String(pressed));
});
