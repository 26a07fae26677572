import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { PortalGroup } from '../src/shared/portal-groups.js';
import { checkViews, expectNoAxeViolations, ownerName, signIn, SLOW_NETWORK } from './support.js';

// Four sizes and schemes, each with an axe run, and a slow-network run: more than the default.
test.describe.configure({ timeout: 240_000 });

interface Cart {
  Id: string;
  Name: string;
  ListingCount: number;
  PortalCartType?: string;
  ListingIds?: string[];
}

interface ListingRow {
  Id: string;
  StandardFields: { ListingId: string; UnparsedFirstLineAddress: string; City: string };
}

/** The emulator read directly with a demo token (the truth the page is checked against). */
function spark(request: APIRequestContext, token: string) {
  const headers = { 'X-SparkApi-User-Agent': 'e2e', Authorization: `OAuth ${token}` };
  return async <T>(path: string, params: Record<string, string | number> = {}) => {
    const response = await request.get(`/spark/v1${path}`, { headers, params });
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
    return ((await response.json()) as { D: { Results: T[] } }).D.Results;
  };
}

const avery = (request: APIRequestContext) => spark(request, 'demo-private');
const sofia = (request: APIRequestContext) => spark(request, 'demo-vow');

async function cartsOf(request: APIRequestContext, group: PortalGroup): Promise<Cart[]> {
  return avery(request)<Cart>(`/contacts/${group.ContactId}/listingcarts`, {
    _expand: 'ListingIds',
  });
}

/** The circle the demo consumer works in: the demo's showcase, sharing something of each kind. */
async function showcase(request: APIRequestContext): Promise<PortalGroup> {
  const [current] = await sofia(request)<PortalGroup>('/portal/groups/current');
  if (!current) throw new Error('The demo consumer works in no circle');
  return current;
}

const countText = (n: number) => (n === 0 ? 'Empty' : n === 1 ? '1 listing' : `${n} listings`);

/** A cart's button in the accordion: its name, then its count. */
const cartButton = (section: Locator, name: string) =>
  section.getByRole('button', { name: new RegExp(`^${name}\\b`) });

async function expectNoSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(
    false,
  );
}

/** Every photo lazy and sized before it loads, and its box the same once it has loaded. */
async function expectSteadyPhotos(cards: Locator) {
  const photo = cards.first().getByRole('img');
  await expect(photo).toHaveAttribute('loading', 'lazy');
  await expect(photo).toHaveAttribute('width', /\d+/);
  await expect(photo).toHaveAttribute('height', /\d+/);
  const before = await photo.boundingBox();
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  const after = await photo.boundingBox();
  expect(after?.height).toBe(before?.height);
  expect(after?.width).toBe(before?.width);
}

test(
  'a circle’s shared carts open to listing cards, and its saved searches read in words',
  SLOW_NETWORK,
  async ({ page, request }, testInfo) => {
    const group = await showcase(request);
    const carts = await cartsOf(request, group);
    const favorites = carts.find((cart) => cart.Name === 'Favorites')!;
    const searches = await avery(request)<{ Name: string }>(
      `/contacts/${group.ContactId}/savedsearches`,
    );
    expect(favorites.ListingCount).toBeGreaterThan(0);
    expect(searches.length).toBeGreaterThan(0);

    await signIn(page, 'Avery Stone', `/groups/${group.Id}`);
    await expect(page.getByRole('heading', { level: 1, name: ownerName(group) })).toBeVisible();
    const section = page.getByRole('region', { name: 'Shared in this circle' });
    for (const cart of carts) {
      await expect(cartButton(section, cart.Name)).toContainText(countText(cart.ListingCount));
    }
    const searchList = section.getByRole('list', { name: 'Saved searches' });
    await expect(searchList.getByRole('listitem')).toHaveCount(searches.length);
    await expect(searchList.getByText(/^Matches (\d[\d,]* listings?|no listing) now$/)).toHaveCount(
      searches.length,
    );

    await cartButton(section, 'Favorites').click();
    await expect(cartButton(section, 'Favorites')).toHaveAttribute('aria-expanded', 'true');
    const cards = section
      .getByRole('list', { name: 'Listings in Favorites' })
      .getByRole('listitem');
    await expect(cards).toHaveCount(favorites.ListingCount);
    await expect(cards.first()).toContainText(/\$[\d,]+/);
    await expect(cards.first()).toContainText(/MLS # \d/);
    await expectSteadyPhotos(cards);

    await checkViews(page, testInfo, 'circle-shares', async (phone) => {
      await expect(cards.first().getByRole('img')).toBeVisible();
      if (phone) await expectNoSideScroll(page);
    });

    // Keyboard: the cart headers are buttons that close and open with Enter.
    await cartButton(section, 'Favorites').focus();
    await page.keyboard.press('Enter');
    await expect(cartButton(section, 'Favorites')).toHaveAttribute('aria-expanded', 'false');
  },
);

test(
  'an assistant shares a listing with a circle, takes it back with Undo, removes it; the audit trail says so',
  SLOW_NETWORK,
  async ({ page, request }, testInfo) => {
    const groups = await avery(request)<PortalGroup>('/portal/groups', { _limit: 25 });
    const current = await showcase(request);
    // A demo circle that shares something already (one another journey made shares nothing yet).
    let group: PortalGroup | undefined;
    let carts: Cart[] = [];
    for (const candidate of groups.filter((g) => g.Id !== current.Id)) {
      carts = await cartsOf(request, candidate);
      if (carts.some((cart) => cart.ListingCount > 0)) {
        group = candidate;
        break;
      }
    }
    if (!group) throw new Error('no demo circle of Avery shares a listing');
    const favorites = carts.find((cart) => cart.Name === 'Favorites')!;
    const inCarts = new Set(carts.flatMap((c) => c.ListingIds ?? []));
    const listing = (
      await avery(request)<ListingRow>('/listings', {
        _filter: "MlsStatus Eq 'Active'",
        _limit: 25,
      })
    ).find((candidate) => !inCarts.has(candidate.Id))!;
    const { ListingId: mls, UnparsedFirstLineAddress: street } = listing.StandardFields;
    const favoritesCount = async () =>
      (await cartsOf(request, group)).find((cart) => cart.Id === favorites.Id)?.ListingCount;

    await signIn(page, 'Riley Park');
    await page.getByRole('button', { name: /^Working for/ }).click();
    await page.getByRole('menuitem', { name: 'Add an agent' }).click();
    await page.getByRole('button', { name: 'Sign in as Avery Stone' }).click();
    await expect(
      page.getByRole('status', { name: 'You are working for Avery Stone' }),
    ).toBeVisible();
    await page.goto(page.url().replace(/\/groups.*$/, `/groups/${group.Id}`));
    const section = page.getByRole('region', { name: 'Shared in this circle' });
    await expect(cartButton(section, 'Favorites')).toContainText(countText(favorites.ListingCount));

    const share = async () => {
      await section.getByRole('button', { name: 'Share a listing' }).click();
      const dialog = page.getByRole('dialog', { name: /^Share a listing with/ });
      await dialog.getByRole('textbox', { name: 'Find a listing' }).fill(mls);
      await dialog.getByRole('radio', { name: new RegExp(street) }).check();
      await dialog.getByRole('combobox', { name: 'Add to cart' }).selectOption(favorites.Id);
      return dialog;
    };
    const dialog = await share();
    await checkViews(
      page,
      testInfo,
      'share-listing',
      async () => {
        if (!(await dialog.isVisible())) await share();
        await expect(dialog.getByRole('button', { name: 'Add to Favorites' })).toBeEnabled();
      },
      async () => {
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toBeHidden();
      },
    );
    await page.setViewportSize({ width: 1440, height: 900 });
    await share();
    await dialog.getByRole('button', { name: 'Add to Favorites' }).click();

    const toast = page.getByRole('status').filter({ hasText: `Added ${street}` });
    await expect(toast).toContainText('to Favorites');
    await expect(cartButton(section, 'Favorites')).toContainText(
      countText(favorites.ListingCount + 1),
    );
    await expect.poll(favoritesCount).toBe(favorites.ListingCount + 1);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(cartButton(section, 'Favorites')).toContainText(countText(favorites.ListingCount));
    await expect.poll(favoritesCount).toBe(favorites.ListingCount);

    // Shared again, then removed from the cart's card.
    await share();
    await dialog.getByRole('button', { name: 'Add to Favorites' }).click();
    await expect.poll(favoritesCount).toBe(favorites.ListingCount + 1);
    await cartButton(section, 'Favorites').click();
    await section
      .getByRole('list', { name: 'Listings in Favorites' })
      .getByRole('button', { name: `Remove ${street} from Favorites` })
      .click();
    await expect(page.getByText(`Removed ${street}`)).toBeVisible();
    await expect.poll(favoritesCount).toBe(favorites.ListingCount);

    await page.getByRole('button', { name: /^Working for/ }).click();
    await page.getByRole('menuitem', { name: 'Audit trail' }).click();
    const trail = page.getByRole('table', { name: 'Changes by you and for you, newest first' });
    const label = `${street}, ${listing.StandardFields.City}`;
    const where = `Favorites in ${ownerName(group)}'s circle`;
    await expect(trail.getByRole('row').nth(1)).toContainText(`Removed ${label} from ${where}`);
    await expect(trail.getByRole('row').nth(2)).toContainText(`Added ${label} to ${where}`);
    await expect(trail.getByRole('row').nth(3)).toContainText(
      `Undo: removed ${label} from ${where}`,
    );
    await expectNoAxeViolations(page);
  },
);

test(
  'the whole book shows what each circle shares and keeps those that share nothing yet',
  SLOW_NETWORK,
  async ({ page }, testInfo) => {
    await signIn(page, 'Avery Stone');
    await page.getByRole('button', { name: 'Load all groups' }).click();
    await expect(page.getByText(/^\d+ of \d+ groups \(all loaded/)).toBeVisible();
    const triage = page.getByRole('combobox', { name: 'What they share' });
    const table = page.getByRole('table', { name: 'All portal groups' });
    const rows = table.locator('tbody tr');

    await triage.selectOption('searches');
    await expect(page).toHaveURL(/shares=searches/);
    await expect(page.getByText(/^Checked what \d+ of \d+ circles share/)).toBeHidden();
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText(/\d saved search/);

    await triage.selectOption('nothing');
    await expect(page).toHaveURL(/shares=nothing/);
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText('Nothing yet');
    await checkViews(page, testInfo, 'shares-triage', async (phone) => {
      await expect(triage).toHaveValue('nothing');
      if (phone) await expectNoSideScroll(page);
    });

    await page.setViewportSize({ width: 1440, height: 900 });
    await rows.first().getByRole('link').first().click();
    await expect(
      page
        .getByRole('region', { name: 'Shared in this circle' })
        .getByText(/^This circle shares nothing yet/),
    ).toBeVisible();
  },
);

test(
  'a consumer works in a circle, moves a listing between its portal carts, and works on their own',
  SLOW_NETWORK,
  async ({ page, request }, testInfo) => {
    const circle = await showcase(request);
    const name = ownerName(circle);
    const mine = await sofia(request)<Cart>('/listingcarts', { _expand: 'ListingIds' });
    const favorites = mine.find((cart) => cart.PortalCartType === 'Favorites')!;
    const rejects = mine.find((cart) => cart.PortalCartType === 'Rejects')!;
    const count = async (id: string) =>
      (await sofia(request)<Cart>('/listingcarts')).find((cart) => cart.Id === id)?.ListingCount;

    await signIn(page, 'Sofía Álvarez');
    await expect(page.getByText(`You work in ${name}’s circle`, { exact: false })).toBeVisible();
    await page.getByRole('link', { name: `${name}’s circle` }).click();
    const section = page.getByRole('region', { name: 'Shared in this circle' });
    await expect(section.getByText('You work in this circle')).toBeVisible();
    await cartButton(section, 'Favorites').click();
    const cards = section
      .getByRole('list', { name: 'Listings in Favorites' })
      .getByRole('listitem');
    await expect(cards).toHaveCount(favorites.ListingCount);

    await checkViews(page, testInfo, 'consumer-carts', async (phone) => {
      await expect(cards.first().getByRole('img')).toBeVisible();
      if (phone) await expectNoSideScroll(page);
    });
    await page.setViewportSize({ width: 1440, height: 900 });

    const street = (await cards.first().getByRole('heading').textContent()) ?? '';
    await cards
      .first()
      .getByRole('button', { name: `Move ${street} to Rejects` })
      .click();
    const toast = page.getByRole('status').filter({ hasText: `Moved ${street}` });
    await expect(toast).toContainText('to Rejects');
    await expect(cartButton(section, 'Rejects')).toContainText(countText(rejects.ListingCount + 1));
    await expect.poll(() => count(rejects.Id)).toBe(rejects.ListingCount + 1);
    await expect.poll(() => count(favorites.Id)).toBe(favorites.ListingCount - 1);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(favorites.Id)).toBe(favorites.ListingCount);
    await expect(cartButton(section, 'Rejects')).toContainText(countText(rejects.ListingCount));

    await section.getByRole('button', { name: 'Work on my own' }).click();
    await expect(section.getByRole('button', { name: 'Work in this circle' })).toBeVisible();
    expect((await sofia(request)<PortalGroup>('/portal/groups/current')).length).toBe(0);
    await section.getByRole('button', { name: 'Work in this circle' }).click();
    await expect(section.getByText('You work in this circle')).toBeVisible();
    await expect.poll(async () => (await showcase(request)).Id).toBe(circle.Id);
  },
);
