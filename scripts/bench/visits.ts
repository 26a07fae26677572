import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Locator,
  type Page,
} from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.js';
import { signedInState } from './browser.js';

/** How the browser is held back: none, or the phone Lighthouse uses (Slow 4G and a 4× slower CPU). */
export interface Profile {
  name: string;
  /** `Network.emulateNetworkConditions`: latency in ms, throughput in bytes per second. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  cpuSlowdown: number;
}

export const PROFILES: Profile[] = [
  { name: 'unthrottled', cpuSlowdown: 1 },
  {
    name: 'Slow 4G, 4× CPU',
    // 150 ms round trips, 1.6 Mbps down, 750 kbps up.
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
    cpuSlowdown: 4,
  },
];

/** A group's link in the list (a table row, or a card on a phone). */
const ROW = 'main a[href^="/groups/"]:not([href$="/new"])';
/** A member of the circle on its page (a table row, or a card on a phone). */
const MEMBER = 'table[aria-label="Members"] tbody tr, ul[aria-label="Members"] > li';

/**
 * Marks taken inside the page with performance.now() (from the navigation's start), so that
 * Playwright's own polling does not count: the first group row, a circle's first member, the
 * members after a click (from the click), and the longest main-thread task so far.
 */
const MARKS_SCRIPT = `
  window.__marks = { longestTask: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__marks.longestTask = Math.max(window.__marks.longestTask, entry.duration);
      window.__marks.longTasks.push({ atMs: Math.round(entry.startTime), ms: Math.round(entry.duration) });
    }
  }).observe({ type: 'longtask', buffered: true });
  let clickAt = 0;
  document.addEventListener('click', () => { clickAt = performance.now(); delete window.__marks.opened; }, true);
  new MutationObserver(() => {
    const m = window.__marks;
    if (m.firstRow === undefined && document.querySelector(${JSON.stringify(ROW)})) m.firstRow = performance.now();
    const member = document.querySelector(${JSON.stringify(MEMBER)});
    if (m.members === undefined && member) m.members = performance.now();
    if (clickAt && m.opened === undefined && member) m.opened = performance.now() - clickAt;
  }).observe(document, { subtree: true, childList: true });
`;

type Mark = 'firstRow' | 'members' | 'opened';
/** A main-thread task over 50 ms: when it started (ms from the navigation) and how long it took. */
export interface LongTask {
  atMs: number;
  ms: number;
}
type Marks = Partial<Record<Mark, number>> & { longestTask: number; longTasks: LongTask[] };

/** One response as the browser received it: bytes over the wire (headers included). */
export interface Transfer {
  url: string;
  bytes: number;
  /** ms from the navigation's request, when the request went out and when it finished. */
  startMs: number;
  endMs: number;
}

export interface Visit {
  /** Bytes received in the visit (CDP `encodedDataLength`: compressed bodies and headers). */
  bytes: number;
  /** Of those, the bytes of responses finished before the first row (or member) showed. */
  bytesBeforeShown: number;
  /** ms from the navigation's start to the first group row, or to a circle's first member. */
  shownMs: number;
  longestTaskMs: number;
  longTasks: LongTask[];
  transfers: Transfer[];
}

export interface ProfileFigures {
  groupsCold: Visit[];
  groupsWarm: Visit[];
  circleCold: Visit[];
  circleWarm: Visit[];
  /** From the click on a row of the list to the circle's first member (ms). */
  openCircleMs: number[];
}

/** The network as one page's DevTools session sees it, with the profile applied. */
async function watchNetwork(context: BrowserContext, page: Page, profile: Profile) {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile.network) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  }
  if (profile.cpuSlowdown > 1) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  }
  const sent = new Map<string, { url: string; at: number }>();
  let transfers: Transfer[] = [];
  let origin = 0;
  let inFlight = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.type === 'Document') origin = event.timestamp;
    if (!sent.has(event.requestId)) inFlight++;
    sent.set(event.requestId, { url: event.request.url, at: event.timestamp });
  });
  const finish = (requestId: string, bytes: number, at: number) => {
    const request = sent.get(requestId);
    if (!request) return;
    sent.delete(requestId);
    inFlight--;
    transfers.push({
      url: new URL(request.url).pathname + new URL(request.url).search,
      bytes,
      startMs: Math.round((request.at - origin) * 1000),
      endMs: Math.round((at - origin) * 1000),
    });
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength, e.timestamp));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0, e.timestamp));
  return {
    /**
     * Starts counting anew (for the next visit). Requests the previous page left in flight are
     * forgotten: Chromium sends no `loadingFinished` or `loadingFailed` for a fetch cancelled by
     * navigating away, so they would be in flight for ever.
     */
    reset() {
      if (process.env.BENCH_DEBUG_VISITS && sent.size > 0) {
        console.error(
          `[visits] left in flight at reset: ${[...sent.values()].map((r) => r.url).join(', ')}`,
        );
      }
      transfers = [];
      sent.clear();
      inFlight = 0;
    },
    transfers: () => transfers,
    /** The page's DevTools session (for a CPU profile). */
    cdp,
    /**
     * Resolves once nothing has been in flight for `quietMs`; fails, naming what is still in
     * flight, after `limitMs` (a crashed page sends no more events: the run would never end).
     */
    async settled(quietMs = 500, limitMs = 60_000) {
      const started = Date.now();
      let quietSince = Date.now();
      for (;;) {
        if (inFlight > 0) quietSince = Date.now();
        if (Date.now() - quietSince >= quietMs) return;
        if (Date.now() - started > limitMs) {
          const urls = [...sent.values()].map((request) => request.url).join(', ');
          throw new Error(`Still in flight after ${limitMs / 1000} s: ${urls}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const readMarks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);

/**
 * Waits for a mark by reading it every 100 ms. The marks are taken by the page's own observers, so
 * this only decides when to stop waiting: Playwright's default, polling on every animation frame,
 * kept the page drawing frames, which on a 4× slower CPU took a share of the main thread the
 * measured page needs (and no phone's page has).
 */
async function waitForMark(page: Page, mark: Mark): Promise<number> {
  const handle = await page.waitForFunction(
    (name) => (window as unknown as { __marks: Marks }).__marks[name as Mark],
    mark,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}

type Network = Awaited<ReturnType<typeof watchNetwork>>;

async function visit(page: Page, network: Network, path: string, mark: Mark): Promise<Visit> {
  network.reset();
  await page.goto(path, { waitUntil: 'commit' });
  const shownMs = await waitForMark(page, mark);
  await network.settled();
  const { longestTask, longTasks } = await readMarks(page);
  const transfers = network.transfers();
  const sum = (list: Transfer[]) => list.reduce((n, t) => n + t.bytes, 0);
  return {
    bytes: sum(transfers),
    bytesBeforeShown: sum(transfers.filter((t) => t.endMs <= shownMs)),
    shownMs: Math.round(shownMs),
    longestTaskMs: Math.round(longestTask),
    longTasks,
    transfers,
  };
}

/** How long a finger rests on the screen in a tap (a phone sees touchstart that long before the click). */
const TAP_MS = 100;

/**
 * A finger's tap on a row, as a phone sees it: touchstart, the finger down for `TAP_MS`, touchend,
 * then the click Chromium makes of it (Playwright's `tap` sends both touches at once).
 */
async function tap(page: Page, cdp: CDPSession, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('The row to tap is not on the screen');
  const point = { x: box.x + Math.min(box.width / 2, 20), y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.waitForTimeout(TAP_MS);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function startProfiler(cdp: CDPSession) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

async function stopProfiler(cdp: CDPSession, file: string) {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
}

/** A fresh context (an empty cache) signed in, with a page whose network is watched. */
async function freshPage(
  browser: Browser,
  baseUrl: string,
  storageState: StorageState,
  profile: Profile,
) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    storageState,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(MARKS_SCRIPT);
  const page = await context.newPage();
  const network = await watchNetwork(context, page, profile);
  return { context, page, network };
}

type StorageState = Awaited<ReturnType<typeof signedInState>>;

/**
 * Cold (empty cache) and warm (the same browser coming back) visits to /groups and to a circle,
 * and opening a circle from the list, `runs` times under each profile.
 */
export async function measureVisits(
  baseUrl: string,
  runs: number,
  profiles: Profile[] = PROFILES,
  /** Where to write a CPU profile of the first cold visit to /groups under the last profile. */
  cpuProfile?: string,
  /** Where to write a CPU profile of the first tap that opens a circle under the last profile. */
  cpuProfileOpen?: string,
): Promise<Record<string, ProfileFigures>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const figures: Record<string, ProfileFigures> = {};
  try {
    const storageState = await signedInState(browser, baseUrl);
    for (const profile of profiles) {
      const f: ProfileFigures = (figures[profile.name] = {
        groupsCold: [],
        groupsWarm: [],
        circleCold: [],
        circleWarm: [],
        openCircleMs: [],
      });
      for (let run = 0; run < runs; run++) {
        const list = await freshPage(browser, baseUrl, storageState, profile);
        const profiled = run === 0 && profile === profiles.at(-1);
        const cdp = list.network.cdp;
        if (profiled && cpuProfile) await startProfiler(cdp);
        f.groupsCold.push(await visit(list.page, list.network, '/groups', 'firstRow'));
        if (profiled && cpuProfile) await stopProfiler(cdp, cpuProfile);
        await list.page.goto('about:blank');
        f.groupsWarm.push(await visit(list.page, list.network, '/groups', 'firstRow'));
        const row = list.page.locator(ROW).nth(run % 10);
        const circle = (await row.getAttribute('href')) ?? '';
        if (profiled && cpuProfileOpen) await startProfiler(cdp);
        await tap(list.page, cdp, row);
        f.openCircleMs.push(Math.round(await waitForMark(list.page, 'opened')));
        if (profiled && cpuProfileOpen) await stopProfiler(cdp, cpuProfileOpen);
        await list.context.close();

        const deep = await freshPage(browser, baseUrl, storageState, profile);
        f.circleCold.push(await visit(deep.page, deep.network, circle, 'members'));
        await deep.page.goto('about:blank');
        f.circleWarm.push(await visit(deep.page, deep.network, circle, 'members'));
        await deep.context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
