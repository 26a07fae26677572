import { expect, test, type Page } from '@playwright/test';
import type { PortalGroup } from '../src/shared/portal-groups.js';
import { saveScreenshot, setScheme, signIn, sparkApi, VIEWS } from './support.js';

test.describe.configure({ timeout: 240_000 });

interface BadgeContrast {
  label: string;
  /** Text against the badge's background (WCAG 1.4.3 asks 4.5:1 at this size). */
  text: number;
  /** The dot against the badge's background (WCAG 1.4.11 asks 3:1), when it has one. */
  dot: number | null;
  /** The text colour as painted, [r, g, b]: a "Remove" must read red, not white or grey. */
  color: [number, number, number];
}

/**
 * Measures every visible badge (or other element matching `selector`) as the browser paints it:
 * its text colour and its dot's colour against its own background (composited over what is
 * behind it when see-through).
 */
function measureBadges(page: Page, selector = '.mantine-Badge-root'): Promise<BadgeContrast[]> {
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!probe) throw new Error('no canvas');
    // Any CSS colour (rgb, color(srgb …), oklch …) as the browser paints it, via a 1 px canvas.
    const rgba = (css: string): Rgba => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, under: Rgba): Rgba => [
      top[0] * top[3] + under[0] * (1 - top[3]),
      top[1] * top[3] + under[1] * (1 - top[3]),
      top[2] * top[3] + under[2] * (1 - top[3]),
      1,
    ];
    const background = (element: Element | null): Rgba => {
      if (!element) return [255, 255, 255, 1];
      const own = rgba(getComputedStyle(element).backgroundColor);
      return own[3] >= 1 ? own : over(own, background(element.parentElement));
    };
    const luminance = ([r, g, b]: Rgba) => {
      const linear = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((badge) => badge.checkVisibility())
      .map((badge) => {
        const behind = background(badge);
        const dot = getComputedStyle(badge, '::before');
        const hasDot = dot.content !== 'none' && dot.content !== '' && dot.display !== 'none';
        const text = over(rgba(getComputedStyle(badge).color), behind);
        return {
          label: badge.textContent ?? '',
          text: ratio(text, behind),
          dot: hasDot ? ratio(over(rgba(dot.backgroundColor), behind), behind) : null,
          color: [text[0], text[1], text[2]] as [number, number, number],
        };
      });
  }, selector);
}

/** Red as a person would name it: red leads green and blue by far (white and grey do not). */
const looksRed = ([r, g, b]: [number, number, number]) => r - Math.max(g, b) >= 100;

/** A group of Avery's with active and inactive members, and one whose portal is off. */
function groupWithEveryState(groups: PortalGroup[]): PortalGroup {
  const group = groups.find(
    (g) =>
      g.Users.some((u) => u.Active) &&
      g.Users.some((u) => !u.Active) &&
      g.Users.some((u) => u.Enabled === false),
  );
  if (!group) throw new Error('No group of Avery’s has every member state');
  return group;
}

test('every badge’s dot and text stand out from its background, in both schemes, on desk and phone', async ({
  page,
  request,
}, testInfo) => {
  const api = sparkApi(request);
  const group = groupWithEveryState([
    ...(await api.groups({ _page: 1 })),
    ...(await api.groups({ _page: 2 })),
  ]);
  const noPortal = await api.contactWithoutPortal();
  await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
  // The audit trail's outcomes: one change that went through, one that did not.
  const write = (method: 'put' | 'delete', path: string, data?: unknown) =>
    page.request[method](`/api/v1/portal/groups/${path}`, {
      headers: { 'X-Requested-With': 'PortalGroupsAdmin' },
      ...(data ? { data } : {}),
    });
  expect((await write('put', group.Id, { D: { Tags: group.Tags } })).ok()).toBe(true);
  expect((await write('delete', '9'.repeat(26))).ok()).toBe(false);

  const measured = new Map<string, BadgeContrast & { where: string }>();
  const measure = async (where: string, selector?: string) => {
    for (const badge of await measureBadges(page, selector)) {
      const key = `${where} ${badge.label}`;
      const known = measured.get(key);
      if (!known || (badge.dot ?? 99) < (known.dot ?? 99) || badge.text < known.text) {
        measured.set(key, { ...badge, where });
      }
    }
  };

  for (const view of VIEWS) {
    const where = `${view.width}-${view.scheme}`;
    await page.setViewportSize({ width: view.width, height: view.height });
    await page.goto(`/groups/${group.Id}`);
    await setScheme(page, view.scheme);
    const members = page.getByRole(view.width < 600 ? 'list' : 'table', { name: 'Members' });
    await expect(members.getByText('Disabled').first()).toBeVisible();
    await expect(members.getByText('Inactive').first()).toBeVisible();
    await measure(where);
    await saveScreenshot(page, testInfo, `badges-group-${where}`);

    await page.getByRole('button', { name: 'Add members' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Search contacts' }).fill(noPortal.DisplayName);
    await expect(dialog.getByText('No portal account').first()).toBeVisible();
    await measure(where);
    await saveScreenshot(page, testInfo, `badges-add-${where}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.goto('/audit');
    await expect(page.getByText(/^Failed/).first()).toBeVisible();
    await measure(where);

    await page.goto('/groups');
    await expect(page.getByText('Favorites', { exact: true }).first()).toBeVisible();
    await measure(where);

    // Needs attention's quiet "Remove" (a subtle red button) beside each circle of a person.
    await page.goto('/needs-attention');
    const remove = page.getByRole('button', { name: /^Remove .+ circle$/ }).first();
    await expect(remove).toBeVisible({ timeout: 60_000 });
    await remove.evaluate((button) => button.setAttribute('data-measure', 'remove'));
    await measure(where, '[data-measure="remove"]');
    await saveScreenshot(page, testInfo, `badges-attention-${where}`);
  }

  const all = [...measured.values()];
  const labels = new Set(all.map((badge) => badge.label));
  for (const label of [
    /^Active$/,
    /^Inactive$/,
    /^Enabled$/,
    /^Disabled$/,
    /^Owner$/,
    /^No portal account$/,
    /^Succeeded$/,
    /^Failed \(\d+\)$/,
    /^Favorites$/,
  ]) {
    expect(
      [...labels].some((l) => label.test(l)),
      `a ${label} badge was measured`,
    ).toBe(true);
  }
  const weakDots = all
    // A button's ::before is Mantine's loading overlay, not a dot.
    .filter((badge) => badge.label !== 'Remove' && badge.dot !== null && badge.dot < 3)
    .map((b) => `${b.where} "${b.label}" dot ${b.dot?.toFixed(2)}:1`);
  const weakText = all
    .filter((badge) => badge.text < 4.5)
    .map((b) => `${b.where} "${b.label}" text ${b.text.toFixed(2)}:1`);
  expect(weakDots).toEqual([]);
  expect(weakText).toEqual([]);
  const removes = all.filter((badge) => badge.label === 'Remove');
  expect(removes.map((b) => b.where).sort()).toEqual(
    VIEWS.map((v) => `${v.width}-${v.scheme}`).sort(),
  );
  const notRed = removes
    .filter((badge) => !looksRed(badge.color))
    .map((b) => `${b.where} "Remove" painted rgb(${b.color.map(Math.round).join(', ')})`);
  expect(notRed).toEqual([]);
  const dots = all.flatMap((badge) => (badge.dot === null ? [] : [badge.dot]));
  testInfo.annotations.push({
    type: 'contrast',
    description: `${all.length} badges; weakest dot ${Math.min(...dots).toFixed(2)}:1, weakest text ${Math.min(...all.map((b) => b.text)).toFixed(2)}:1; Remove ${removes.map((b) => `${b.where} ${b.text.toFixed(2)}:1`).join(', ')}`,
  });
});
