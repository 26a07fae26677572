import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.js';

/**
 * Marks taken inside the page with performance.now(), so Playwright's own polling does not count:
 * firstRow (ms from navigation start), and after a click: members and favorites (ms from the click).
 */
const MARKS_SCRIPT = `
  window.__marks = {};
  let clickAt = 0, pressedBefore = null;
  const favorites = () => [...document.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent.includes('Favorites'));
  document.addEventListener('click', () => {
    clickAt = performance.now();
    pressedBefore = favorites()?.getAttribute('aria-pressed') ?? null;
    delete window.__marks.members; delete window.__marks.favorites;
  }, true);
  new MutationObserver(() => {
    const m = window.__marks;
    if (m.firstRow === undefined && document.querySelector('table a[href^="/groups/"]')) m.firstRow = performance.now();
    if (clickAt && m.members === undefined && document.querySelector('table[aria-label="Members"] tbody tr')) m.members = performance.now() - clickAt;
    const now = favorites()?.getAttribute('aria-pressed') ?? null;
    if (clickAt && pressedBefore !== null && m.favorites === undefined && now !== pressedBefore) m.favorites = performance.now() - clickAt;
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

type Marks = { firstRow?: number; members?: number; favorites?: number };
const readMark = (page: Page, name: keyof Marks) =>
  page
    .waitForFunction(
      (n) => (window as unknown as { __marks: Marks }).__marks[n as keyof Marks],
      name,
    )
    .then((handle) => handle.jsonValue() as Promise<number>);

export interface BrowserFigures {
  firstRowCold: number[];
  firstRowWarm: number[];
  membersAfterClick: number[];
  favoritesAfterClick: number[];
}

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

export async function measureBrowser(baseUrl: string, runs: number): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const figures: BrowserFigures = {
    firstRowCold: [],
    firstRowWarm: [],
    membersAfterClick: [],
    favoritesAfterClick: [],
  };
  try {
    const storageState = await signedInState(browser, baseUrl);
    for (let run = 0; run < runs; run++) {
      const context: BrowserContext = await browser.newContext({ baseURL: baseUrl, storageState });
      await context.addInitScript(MARKS_SCRIPT);
      const page = await context.newPage();
      await page.goto('/groups');
      figures.firstRowCold.push(await readMark(page, 'firstRow'));
      await page.reload();
      figures.firstRowWarm.push(await readMark(page, 'firstRow'));

      await page
        .locator('table a[href^="/groups/"]')
        .nth(run % 10)
        .click();
      figures.membersAfterClick.push(await readMark(page, 'members'));

      // The server answers the Favorites write 500 ms late; the screen must not wait for it.
      await page.route('**/api/v1/portal/groups/*', async (route) => {
        if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 500));
        await route.continue();
      });
      await page.getByRole('button', { name: 'Favorites' }).click();
      figures.favoritesAfterClick.push(await readMark(page, 'favorites'));
      await page.waitForResponse((r) => r.request().method() === 'PUT');
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return figures;
}
