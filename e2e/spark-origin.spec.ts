import { expect, test, type Page } from '@playwright/test';
import { E2E_EMULATOR_PORT, E2E_OTHER_ORIGIN_APP_PORT } from '../playwright.config.js';
import { ownerName, sparkApi } from './support.js';

// The app configured as for live Spark (SPARK_API_URL, SPARK_AUTH_URL, client id and secret)
// against `npm run emulator` on another origin, whose access tokens live 3 seconds.
const SPARK = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
test.use({ baseURL: `http://127.0.0.1:${E2E_OTHER_ORIGIN_APP_PORT}` });

/** Waits until every token issued so far has expired (they live 3 s). */
async function outliveTokens(page: Page) {
  const expiredAt = Date.now() + 3_500;
  await expect.poll(() => Date.now() > expiredAt, { timeout: 10_000 }).toBe(true);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
}

test('Spark on another origin: sign in, list, open, add, remove, Favorites, refresh, sign out', async ({
  page,
  request,
}) => {
  // Five waits for the tokens to expire on top of a whole journey.
  test.setTimeout(120_000);
  const api = sparkApi(request, 'demo-private', `${SPARK}/v1`);
  const groups = await api.groups({ _orderby: 'Name' });
  const group = groups[3]!;
  const candidate = (await api.contacts({ _filter: 'VowEnabled Eq true', _limit: 25 })).find(
    (c) => !group.Users.some((u) => u.Id === c.Id),
  )!;
  const isMember = async () =>
    (await api.group(group.Id))?.Users.some((u) => u.Id === candidate.Id);

  // The app has no /spark of its own: Spark is the other origin.
  expect((await request.get('/spark/v1/my/account')).status()).toBe(404);

  await page.goto('/groups');
  await page.getByRole('link', { name: 'Sign in with Flexmls' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SPARK}/oauth2\\?`));
  await page.getByRole('button', { name: 'Sign in as Avery Stone' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  const list = page.getByRole('table', { name: 'Portal groups' });
  await expect(list.getByRole('link').first()).toHaveText(ownerName(groups[0]!));

  await outliveTokens(page);
  await list
    .getByRole('link', { name: ownerName(group) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: ownerName(group) })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row')).toHaveCount(group.Users.length + 1);

  await outliveTokens(page);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Search contacts' }).fill(candidate.DisplayName);
  await dialog.getByRole('checkbox', { name: candidate.DisplayName }).check();
  await dialog.getByRole('button', { name: /^Add/ }).click();
  await expect(dialog).toBeHidden();
  await expect(members.getByText(candidate.DisplayName)).toBeVisible();
  await expect.poll(isMember).toBe(true);

  await outliveTokens(page);
  await page.getByRole('button', { name: `Remove ${candidate.DisplayName}` }).click();
  await expect(members.getByText(candidate.DisplayName)).toBeHidden();
  await expect.poll(isMember).toBe(false);

  await outliveTokens(page);
  const favorites = page.getByRole('button', { name: 'Favorites', exact: true });
  const was = group.Tags.includes('Favorites');
  await favorites.click();
  await expect(favorites).toHaveAttribute('aria-pressed', String(!was));
  await expect.poll(async () => (await api.group(group.Id))?.Tags.includes('Favorites')).toBe(!was);

  await outliveTokens(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Favorites', exact: true })).toHaveAttribute(
    'aria-pressed',
    String(!was),
  );
  await expect(page.getByText('Your session has ended')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
  expect((await page.request.get('/auth/session')).status()).toBe(401);
});
