import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.js';

/** ms from a click to the Favorites button changing state, taken inside the page. */
const FAVORITES_SCRIPT = `
  window.__favorites = undefined;
  let clickAt = 0, pressedBefore = null;
  const favorites = () => [...document.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent.includes('Favorites'));
  document.addEventListener('click', () => {
    clickAt = performance.now();
    pressedBefore = favorites()?.getAttribute('aria-pressed') ?? null;
    window.__favorites = undefined;
  }, true);
  new MutationObserver(() => {
    const now = favorites()?.getAttribute('aria-pressed') ?? null;
    if (clickAt && pressedBefore !== null && window.__favorites === undefined && now !== pressedBefore) window.__favorites = performance.now() - clickAt;
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

const favoritesMark = (page: Page) =>
  page
    // Every 100 ms, not on every frame: the time is taken by the page's observer (see waitForMark).
    .waitForFunction(() => (window as unknown as { __favorites?: number }).__favorites, undefined, {
      polling: 100,
    })
    .then((handle) => handle.jsonValue() as Promise<number>);

export async function signedInState(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto('/groups');
  await page.getByRole('link', { name: 'Sign in with Flexmls' }).click();
  await page.getByRole('button', { name: 'Sign in as Avery Stone' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * Favorites on a circle's page while the server answers the write 500 ms late: the screen must
 * not wait for it (ms from the click to the button's new state), `runs` times.
 */
export async function measureFavorites(baseUrl: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const figures: number[] = [];
  try {
    const storageState = await signedInState(browser, baseUrl);
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: baseUrl, storageState });
      await context.addInitScript(FAVORITES_SCRIPT);
      const page = await context.newPage();
      try {
        await page.goto('/groups');
        await page
          .locator('table a[href^="/groups/"]')
          .nth(run % 10)
          .click();
        await page.locator('table[aria-label="Members"] tbody tr').first().waitFor();
        await page.route('**/api/v1/portal/groups/*', async (route) => {
          if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 500));
          await route.continue();
        });
        const written = page.waitForResponse((r) => r.request().method() === 'PUT');
        // Whatever fails first is the error to report, not this wait ending as the page closes.
        written.catch(() => undefined);
        await page.getByRole('button', { name: 'Favorites', exact: true }).click();
        figures.push(await favoritesMark(page));
        await written;
      } catch (error) {
        await page.screenshot({ path: 'bench-results/favorites-failure.png' }).catch(() => {});
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`Favorites, run ${run + 1}, at ${page.url()}: ${message}`, {
          cause: error,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
