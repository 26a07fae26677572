import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.js';
import { signedInState } from './browser.js';

/** The longest main-thread task (PerformanceObserver 'longtask') while `__measuring` is on. */
const LONG_TASKS_SCRIPT = `
  window.__longest = 0;
  window.__measuring = false;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (window.__measuring) window.__longest = Math.max(window.__longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  // When the whole book shows, taken as the page changes (a check on every animation frame would
  // itself keep the main thread drawing, and innerText lays the page out each time).
  new MutationObserver(() => {
    if (!window.__measuring || window.__loaded) return;
    for (const live of document.querySelectorAll('[aria-live]')) {
      const text = live.textContent.match(/(\\d+) of (\\d+) groups \\(all loaded/);
      if (text && document.querySelector('table a[href^="/groups/"]')) {
        window.__loaded = { ms: performance.now() - window.__start, longest: window.__longest, groups: text[2] };
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

export interface WholeBookFigures {
  /** From the click on "Load all groups" to every group loaded and the first page shown (ms). */
  loadMs: number[];
  /** The longest main-thread task in that time (0 when none went over 50 ms). */
  longestTaskMs: number[];
  groups: number;
}

/** Loads the whole book (app spec §4) through /api in Chromium, `runs` times. */
export async function measureWholeBook(baseUrl: string, runs: number): Promise<WholeBookFigures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const figures: WholeBookFigures = { loadMs: [], longestTaskMs: [], groups: 0 };
  try {
    const storageState = await signedInState(browser, baseUrl);
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: baseUrl, storageState });
      await context.addInitScript(LONG_TASKS_SCRIPT);
      const page = await context.newPage();
      await page.goto('/groups');
      await page.locator('table a[href^="/groups/"]').first().waitFor();
      await page.evaluate(() => {
        const w = window as unknown as { __measuring: boolean; __start: number };
        w.__measuring = true;
        w.__start = performance.now();
      });
      await page.getByRole('button', { name: 'Load all groups' }).click();
      const done = await page
        .waitForFunction(() => (window as unknown as { __loaded?: unknown }).__loaded, undefined, {
          timeout: 120_000,
          polling: 100,
        })
        .catch(async (error: unknown) => {
          throw new Error(`The whole book did not load: ${await page.innerText('main')}`, {
            cause: error,
          });
        });
      const { ms, longest, groups } = (await done.jsonValue()) as {
        ms: number;
        longest: number;
        groups: string;
      };
      figures.loadMs.push(Math.round(ms));
      figures.longestTaskMs.push(Math.round(longest));
      figures.groups = Number(groups);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return figures;
}
