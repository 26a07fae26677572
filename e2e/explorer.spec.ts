import { expect, test } from '@playwright/test';

test('the API Explorer loads and tries a request with a demo token', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await page.goto('/spark/explorer');
  await expect(page.locator('.info .title')).toContainText('Spark API emulator: Portal Groups');

  // The user agent is filled in already; the token is chosen from the listed demo tokens.
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  await expect(page.getByRole('heading', { name: 'Authorized' })).toHaveCount(1);
  await page.getByRole('textbox', { name: /Value/ }).fill('OAuth demo-vow');
  await page.getByRole('button', { name: 'Apply credentials' }).click();
  await expect(page.getByRole('heading', { name: 'Authorized' })).toHaveCount(2);
  await page.getByRole('button', { name: 'Close' }).first().click();

  const operation = page.locator('.opblock').filter({ hasText: '/v1/my/account' });
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  const response = operation.locator('.live-responses-table .response').first();
  await expect(response.locator('.response-col_status')).toHaveText('200');
  await expect(response.locator('.response-col_description')).toContainText('"Role": "VOW"');
  expect(cspViolations).toEqual([]);
});
