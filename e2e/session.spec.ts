import { expect, test } from '@playwright/test';
import { E2E_SHORT_TOKEN_PORT } from '../playwright.config.js';
import { signInByHand } from './support.js';

test.use({ baseURL: `http://127.0.0.1:${E2E_SHORT_TOKEN_PORT}` });

test('an expired access token is refreshed without the user noticing', async ({ page }) => {
  await signInByHand(page, 'Avery Stone');
  const firstRow = page.getByRole('table', { name: 'Portal groups' }).getByRole('link').first();
  await expect(firstRow).toBeVisible();

  // The token lives 3 s on this server: wait until the emulator says it has expired.
  const expiredAt = Date.now() + 3_500;
  await expect.poll(() => Date.now() > expiredAt, { timeout: 10_000 }).toBe(true);

  await firstRow.click();
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
});
