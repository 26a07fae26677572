import { expect, test, type Response } from '@playwright/test';
import { signIn } from './support.js';

const groupLinks = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Portal groups' }).getByRole('link');

test('no client data is kept by the browser, and a focus refetch of an unchanged list costs a 304', async ({
  page,
}) => {
  // The page's clock, so that the list can become stale (30 s) without waiting for it.
  await page.clock.install();
  const listAnswers: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/v1/portal/groups') listAnswers.push(response);
  });
  await signIn(page, 'Avery Stone');
  await expect(groupLinks(page)).toHaveCount(25);
  const shown = await groupLinks(page).allTextContents();
  const first = listAnswers.at(-1);
  expect(first?.status()).toBe(200);
  expect(first?.headers()['cache-control']).toBe('no-store');
  const session = await page.request.get('/auth/session');
  expect(session.headers()['cache-control']).toBe('no-store');
  const answered = listAnswers.length;

  // The user comes back to the tab a minute later: the list is read again, and has not changed.
  await page.clock.fastForward('01:00');
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await expect.poll(() => listAnswers.length).toBeGreaterThan(answered);
  const again = listAnswers.at(-1);
  expect(again?.status()).toBe(304);
  expect(again?.request().headers()['if-none-match']).toBe(first?.headers()['etag']);
  expect((await again?.request().sizes())?.responseBodySize).toBe(0);
  await expect(groupLinks(page)).toHaveText(shown);
});
