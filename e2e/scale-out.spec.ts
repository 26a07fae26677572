import { expect, test } from '@playwright/test';
import { E2E_CLUSTER_PORT } from '../playwright.config.js';
import { signInByHand } from './support.js';

test.use({ baseURL: `http://127.0.0.1:${E2E_CLUSTER_PORT}` });

test('a user signs in, works and signs out through two instances behind a round-robin proxy', async ({
  page,
}) => {
  const servedBy = new Set<string>();
  page.on('response', (response) => {
    const instance = response.headers()['x-served-by'];
    if (instance && new URL(response.url()).pathname.startsWith('/api/')) servedBy.add(instance);
  });

  await signInByHand(page, 'Avery Stone');
  const table = page.getByRole('table', { name: /Portal groups/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const first = table.getByRole('link').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  }
  expect([...servedBy].sort()).toEqual(['a', 'b']);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
  await page.goto('/groups');
  await expect(page.getByRole('link', { name: 'Sign in with Flexmls' })).toBeVisible();
});
