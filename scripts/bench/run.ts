// npm run bench [-- --smoke]: bytes sent, API latency at scale, visits on a phone and unthrottled,
// browser timings, seeding time.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execSync } from 'node:child_process';
import { openDatabase } from '../../src/server/spark/store/db.js';
import { LISTINGS_PER_GROUP, seedDemoData, seedLargeData } from '../../src/server/spark/seed.js';
import { freePort } from '../../src/server/testing/test-server.js';
import { signIn } from '../../src/server/testing/sign-in.js';
import { serverEnv } from '../../src/server/testing/server-env.js';
import { builtSizes } from './built-sizes.js';
import { runLoad, type LoadResult, type Request } from './api-load.js';
import { measureFavorites } from './browser.js';
import { measureVisits, PROFILES, type ProfileFigures, type Visit } from './visits.js';
import { measureWholeBook } from './whole-book.js';
import { figure, type Figure } from './stats.js';
import { lateHomePage, otherPagesFetched, loadProblems, overBudget } from './check.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results/bench.json' },
    /** Only the API figures (no build, browser or seeding repeats): for before/after comparisons. */
    'api-only': { type: 'boolean', default: false },
    /**
     * Only the API rows whose name contains one of these texts (the limit row always runs), e.g.
     * `--only "a circle's" --only "a cart" --only "a saved"` for what a circle shares.
     */
    only: { type: 'string', multiple: true },
    /** Only the visits in Chromium (the built app as it is, one seed): to look into that step. */
    'visits-only': { type: 'boolean', default: false },
    /** How many times each row runs (default 3; 1 for --smoke and --api-only). */
    runs: { type: 'string' },
    /** How many visits of each kind (default 1 with --smoke, else 5). */
    'visit-runs': { type: 'string' },
    /** Where to write a CPU profile (.cpuprofile) of the first throttled cold visit to /groups. */
    'cpu-profile': { type: 'string' },
    /** Where to write a CPU profile of the first throttled tap that opens a circle from the list. */
    'cpu-profile-open': { type: 'string' },
  },
});
const smoke = values.smoke;
const apiOnly = values['api-only'];
const visitsOnly = values['visits-only'];
const size = smoke ? { groups: 300, contacts: 3_000 } : { groups: 10_000, contacts: 100_000 };
const runs = values.runs ? Math.max(1, Number(values.runs)) : smoke || apiOnly ? 1 : 3;
/** Seeding is measured in full runs only; --api-only seeds the one database it loads. */
const seedRuns = apiOnly || visitsOnly ? 1 : runs;
const listings = size.groups * LISTINGS_PER_GROUP;
const loadSeconds = smoke ? 1 : 5;
const connections = 10;

/** Every request says what a browser says it accepts, so answers are compressed as for one. */
const ACCEPT_ENCODING = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };
const HEADERS = {
  'X-SparkApi-User-Agent': 'bench',
  Authorization: 'OAuth demo-private',
  ...ACCEPT_ENCODING,
};
/**
 * Budgets as bytes actually sent: a cold visit to /groups, everything it loads until the network
 * is quiet (other pages' code loads on intent only, `otherPagesFetched`).
 */
const COLD_VISIT_BUDGET = 250 * 1024;
const work = mkdtempSync(join(tmpdir(), 'pga-bench-'));

const benchStarted = performance.now();
/** A line on stderr as each phase starts (a full run takes many minutes; stdout gets the tables). */
const progress = (what: string) =>
  console.error(`[bench ${Math.round((performance.now() - benchStarted) / 1000)} s] ${what}`);

function seedOnce(path: string): number {
  const db = openDatabase(path);
  seedDemoData(db);
  const started = performance.now();
  seedLargeData(db, size);
  const ms = performance.now() - started;
  db.close();
  return ms;
}

let nextPort = Number(process.env.BENCH_PORT) || 0;
/** BENCH_PORT, BENCH_PORT + 1, ... when set (to stay in a range of ports); else any free port. */
const benchPort = async () => (nextPort ? nextPort++ : freePort());

/** Starts a script in its own process group on a port; resolves once `probe` answers. */
async function startProcess(
  script: string,
  env: Record<string, string>,
  probe: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await benchPort();
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when the bench stops it.
  const profile = process.env.BENCH_CPU_PROF && script === SERVER_SCRIPT;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], {
    env: serverEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(`${url}${probe}`).then(
      () => true,
      () => false,
    );
    if (up) return { url, child };
    if (attempt > 300 || child.exitCode !== null) throw new Error(`${script} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SERVER_SCRIPT = 'src/server/main.ts';
const startServer = (databasePath: string) =>
  startProcess(
    SERVER_SCRIPT,
    {
      DATABASE_PATH: databasePath,
      SPARK_RATE_LIMIT: '1000000000',
      SPARK_API_URL: '',
      PUBLIC_URL: '',
    },
    '/auth/session',
  );

const children: ChildProcess[] = [];

async function spark<T>(url: string, path: string): Promise<T[]> {
  const response = await fetch(`${url}/spark/v1${path}`, { headers: HEADERS });
  const body = (await response.json()) as { D: { Results: T[] } };
  return body.D.Results;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Three random letters: about 17,000 different search terms. */
const randomTerm = () =>
  Array.from({ length: 3 }, () => LETTERS[Math.floor(Math.random() * 26)]).join('');

type Group = { Id: string; ContactId: string; Users: { Id: string }[] };

/** A circle of the generated data whose owner has a cart with listings and a saved search. */
async function sharedByACircle(url: string, groups: Group[]) {
  for (const group of groups) {
    const owner = group.ContactId;
    const carts = await spark<{ Id: string; ListingCount: number }>(
      url,
      `/contacts/${owner}/listingcarts`,
    );
    const cart = carts.find((c) => c.ListingCount > 0);
    const [search] = await spark<{ Id: string }>(url, `/contacts/${owner}/savedsearches`);
    if (cart && search) return { owner, cart: cart.Id, search: search.Id };
  }
  throw new Error('no circle on the page shares a cart and a saved search');
}

/** Each of the read endpoints, as one request every connection repeats. */
async function apiFigures(url: string) {
  const groups = await spark<Group>(
    url,
    `/portal/groups?_limit=25&_page=${Math.max(1, Math.floor(size.groups / 50))}`,
  );
  const outsiders = await spark<{ Id: string }>(
    url,
    `/contacts?_limit=25&_orderby=-ModificationTimestamp&_filter=${encodeURIComponent('VowEnabled Eq true')}`,
  );
  const one = groups[0] as Group;
  const shared = await sharedByACircle(url, groups);

  // The limit: list page 1's exact bytes, compressed as the servers do (br), from memory,
  // through a bare Fastify route.
  const pageOne = await fetch(`${url}/spark/v1/portal/groups?_limit=25&_pagination=1`, {
    headers: HEADERS,
  });
  const bodyFile = join(work, 'list-page-1.json');
  writeFileSync(bodyFile, await pageOne.text());
  const limit = await startProcess(
    'scripts/bench/limit-server.ts',
    { BENCH_BODY_FILE: bodyFile },
    '/',
  );
  children.push(limit.child);
  const session = await signIn({ url }, 'Avery Stone');
  const targets: Record<string, { url: string; headers: Record<string, string>; path: string }> = {
    'limit: same bytes from memory (bare Fastify)': { url: limit.url, headers: {}, path: '/' },
    '/api list page 1 (session)': {
      url,
      headers: { Cookie: session, ...ACCEPT_ENCODING },
      path: '/api/v1/portal/groups?_limit=25&_pagination=1',
    },
  };

  const reads: Record<string, string> = {
    'list page 1': '/spark/v1/portal/groups?_limit=25&_pagination=1',
    [`list page ${size.groups / 25}`]: `/spark/v1/portal/groups?_limit=25&_pagination=1&_page=${size.groups / 25}`,
    'list Name contains': `/spark/v1/portal/groups?_limit=25&_pagination=1&_filter=${encodeURIComponent("Name Eq '*son*'")}`,
    'list -Name': '/spark/v1/portal/groups?_limit=25&_pagination=1&_orderby=-Name',
    'one group': `/spark/v1/portal/groups/${one.Id}`,
    'contacts search': `/spark/v1/contacts?_limit=25&_pagination=1&_filter=${encodeURIComponent("DisplayName Eq '*ann*'")}`,
    // What a circle's page asks for what it shares (spec §8).
    "a circle's carts": `/spark/v1/contacts/${shared.owner}/listingcarts?_expand=ListingIds`,
    'a cart preview (4 listings, primary photo)': `/spark/v1/contacts/${shared.owner}/listingcarts/${shared.cart}/listings?_limit=4&_expand=PrimaryPhoto&_pagination=1`,
    "a circle's saved searches": `/spark/v1/contacts/${shared.owner}/savedsearches`,
    "a saved search's count": `/spark/v1/listings?_pagination=count&_filter=${encodeURIComponent(`SavedSearch Eq '${shared.search}'`)}`,
  };
  // The same requests with a new term or page each time, so no answer is served from a cache.
  const lastPage = Math.ceil(size.groups / 25);
  const varying: Record<string, () => string> = {
    'list random page (uncached)': () =>
      `/spark/v1/portal/groups?_limit=25&_pagination=1&_page=${1 + Math.floor(Math.random() * lastPage)}`,
    'list Name contains, new term each time (uncached)': () =>
      `/spark/v1/portal/groups?_limit=25&_pagination=1&_filter=${encodeURIComponent(`Name Eq '*${randomTerm()}*'`)}`,
    'contacts search, new term each time (uncached)': () =>
      `/spark/v1/contacts?_limit=25&_pagination=1&_filter=${encodeURIComponent(`DisplayName Eq '*${randomTerm()}*'`)}`,
  };
  const results: Record<string, LoadResult[]> = {};
  const wanted = (name: string) => !values.only || values.only.some((text) => name.includes(text));
  for (let run = 0; run < runs; run++) {
    for (const [name, target] of Object.entries(targets)) {
      if (!name.startsWith('limit') && !wanted(name)) continue;
      const [result] = await runLoad({
        url: target.url,
        headers: target.headers,
        durationSeconds: loadSeconds,
        connections,
        cycle: () => [{ path: target.path }],
      });
      (results[name] ??= []).push(result as LoadResult);
    }
    const requests: [string, Request][] = [
      ...Object.entries(reads).map(([name, path]): [string, Request] => [name, { path }]),
      ...Object.entries(varying).map(([name, next]): [string, Request] => [
        name,
        { path: next(), setupRequest: (request) => ({ ...request, path: next() }) },
      ]),
    ];
    for (const [name, request] of requests) {
      if (!wanted(name)) continue;
      const [result] = await runLoad({
        url,
        headers: HEADERS,
        durationSeconds: loadSeconds,
        connections,
        cycle: () => [request],
      });
      (results[name] ??= []).push(result as LoadResult);
    }
    if (!wanted('write:')) continue;
    // Writes: each connection works on its own group and its own outsider contact.
    const json = { ...HEADERS, 'Content-Type': 'application/json' };
    const writes = await runLoad({
      url,
      headers: HEADERS,
      durationSeconds: loadSeconds,
      connections,
      cycle: (c): Request[] => {
        const group = groups[c % groups.length] as Group;
        const member = (outsiders[c % outsiders.length] as { Id: string }).Id;
        const base = `/spark/v1/portal/groups/${group.Id}`;
        return [
          {
            method: 'POST',
            path: base,
            headers: json,
            body: JSON.stringify({ D: { Users: [{ Id: member }] } }),
          },
          { method: 'DELETE', path: `${base}/users/${member}`, headers: HEADERS },
          {
            method: 'PUT',
            path: base,
            headers: json,
            body: JSON.stringify({ D: { Tags: ['Favorites'] } }),
          },
          { method: 'PUT', path: base, headers: json, body: JSON.stringify({ D: { Tags: [] } }) },
        ];
      },
    });
    const [add, remove, tagOn, tagOff] = writes as LoadResult[];
    (results['write: add member'] ??= []).push(add as LoadResult);
    (results['write: remove member'] ??= []).push(remove as LoadResult);
    (results['write: PUT Tags'] ??= []).push(tagOn as LoadResult, tagOff as LoadResult);
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, list]) => [
      name,
      {
        p50: figure(list.map((r) => r.p50)),
        p95: figure(list.map((r) => r.p95)),
        p975: figure(list.map((r) => r.p975)),
        p99: figure(list.map((r) => r.p99)),
        requestsPerSecond: figure(list.map((r) => r.requestsPerSecond)),
        requests: list.reduce((n, r) => n + r.requests, 0),
        non2xx: list.reduce((n, r) => n + r.non2xx, 0),
        errors: list.reduce((n, r) => n + r.errors, 0),
      },
    ]),
  );
}

function printTable(title: string, rows: [string, ...string[]][], head: string[]) {
  console.log(`\n${title}`);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  rows.forEach((r) => console.log(line(r)));
}

const fmt = (f: Figure, unit = '') => `${f.median}${unit} (${f.min}–${f.max})`;
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Medians (min–max) of a kind of visit. */
function visitFigures(visits: Visit[]) {
  return {
    kib: figure(visits.map((v) => kib(v.bytes))),
    kibBeforeShown: figure(visits.map((v) => kib(v.bytesBeforeShown))),
    shownMs: figure(visits.map((v) => v.shownMs)),
    longestTaskMs: figure(visits.map((v) => v.longestTaskMs)),
  };
}

function summariseVisits(profile: ProfileFigures) {
  return {
    groupsCold: visitFigures(profile.groupsCold),
    groupsWarm: visitFigures(profile.groupsWarm),
    circleCold: visitFigures(profile.circleCold),
    circleWarm: visitFigures(profile.circleWarm),
    openCircleMs: figure(profile.openCircleMs),
  };
}

let server: { url: string; child: ChildProcess } | undefined;
try {
  if (!existsSync('dist/index.html') || (!smoke && !apiOnly && !visitsOnly)) {
    execSync('npx vite build', { stdio: 'ignore' });
  }
  const built = builtSizes();

  const seedTimes: number[] = [];
  let database = '';
  for (let run = 0; run < seedRuns; run++) {
    progress(
      `seeding ${size.groups} groups, ${size.contacts} contacts, ${listings} listings (${run + 1} of ${seedRuns})`,
    );
    database = join(work, `bench-${run}.db`);
    seedTimes.push(seedOnce(database));
  }
  const seeding = figure(seedTimes);

  server = await startServer(database);
  if (!visitsOnly) progress(`API rows (${runs} × ${loadSeconds} s each)`);
  const api: Awaited<ReturnType<typeof apiFigures>> = visitsOnly
    ? {}
    : await apiFigures(server.url);
  if (!apiOnly) progress('visits, Favorites and the whole book in Chromium');
  const visitRuns = Number(values['visit-runs'] ?? (smoke ? 1 : 5));
  const visits = apiOnly
    ? {}
    : await measureVisits(
        server.url,
        visitRuns,
        PROFILES,
        values['cpu-profile'],
        values['cpu-profile-open'],
      );
  const favorites = apiOnly || visitsOnly ? [] : await measureFavorites(server.url, smoke ? 1 : 3);
  const wholeBook =
    apiOnly || visitsOnly
      ? { loadMs: [], longestTaskMs: [], groups: 0 }
      : await measureWholeBook(server.url, smoke ? 1 : 3);
  const visitSummary = Object.fromEntries(
    Object.entries(visits).map(([name, profile]) => [name, summariseVisits(profile)]),
  );
  const browserFigures = {
    favoritesAfterClick: figure(favorites),
    wholeBookLoad: figure(wholeBook.loadMs),
    wholeBookLongestTask: figure(wholeBook.longestTaskMs),
  };
  const limitRps =
    api['limit: same bytes from memory (bare Fastify)']?.requestsPerSecond.median ?? NaN;
  const shareOfLimit = (rps: number) => `${Math.round((rps / limitRps) * 100)} %`;

  const report = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    dataSet: size,
    built,
    seedingMs: seeding,
    limitRequestsPerSecond: limitRps,
    api: Object.fromEntries(
      Object.entries(api).map(([name, f]) => [
        name,
        { ...f, shareOfLimit: f.requestsPerSecond.median / limitRps },
      ]),
    ),
    visits: visitSummary,
    /** Every response of the first cold visit to /groups under each profile. */
    coldVisitTransfers: Object.fromEntries(
      Object.entries(visits).map(([name, profile]) => [name, profile.groupsCold[0]?.transfers]),
    ),
    /** The main thread's long tasks in that same visit. */
    coldVisitLongTasks: Object.fromEntries(
      Object.entries(visits).map(([name, profile]) => [name, profile.groupsCold[0]?.longTasks]),
    ),
    browserMs: browserFigures,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `Benchmark (${report.mode}: ${size.groups} groups, ${size.contacts} contacts, ${listings} listings; median (min–max) of ${runs} runs)`,
  );
  printTable(
    'Built app, as sent to a browser (br)',
    [
      ['JS named by index.html', `${kib(built.js)} KiB`],
      ['CSS named by index.html', `${kib(built.css)} KiB`],
      ...Object.entries(built.lazyChunks).map(([file, bytes]): [string, string] => [
        `lazy ${file}`,
        `${kib(bytes)} KiB`,
      ]),
    ],
    ['what', 'size'],
  );
  printTable(
    `API (${connections} connections, ${loadSeconds} s each; ms)`,
    Object.entries(api).map(([name, f]) => [
      name,
      fmt(f.p50),
      fmt(f.p95),
      fmt(f.p975),
      fmt(f.p99),
      fmt(f.requestsPerSecond),
      shareOfLimit(f.requestsPerSecond.median),
      String(f.non2xx + f.errors),
    ]),
    ['endpoint', 'p50', 'p95', 'p97.5', 'p99', 'req/s', 'of limit', 'non-2xx'],
  );
  for (const [name, v] of Object.entries(visitSummary)) {
    const row = (what: string, f: ReturnType<typeof visitFigures>): [string, ...string[]] => [
      what,
      fmt(f.kib),
      fmt(f.kibBeforeShown),
      fmt(f.shownMs),
      fmt(f.longestTaskMs),
    ];
    printTable(
      `Visits, ${name} (Chromium at 390 × 844; median (min–max) of ${visitRuns})`,
      [
        row('/groups, cold: first row', v.groupsCold),
        row('/groups, warm: first row', v.groupsWarm),
        row('a circle, cold: first member', v.circleCold),
        row('a circle, warm: first member', v.circleWarm),
        ['open a circle from the list: first member', '', '', fmt(v.openCircleMs), ''],
      ],
      ['visit', 'KiB sent', 'KiB before shown', 'shown at (ms)', 'longest task (ms)'],
    );
  }
  const throttled = visits[PROFILES[1]?.name ?? '']?.groupsCold[0];
  if (throttled) {
    printTable(
      `Cold visit to /groups, ${PROFILES[1]?.name}: every response (first run; first row at ${throttled.shownMs} ms)`,
      throttled.transfers.map((t) => [
        t.url.length > 60 ? `${t.url.slice(0, 57)}...` : t.url,
        `${kib(t.bytes)}`,
        `${t.startMs}`,
        `${t.endMs}`,
        t.endMs <= throttled.shownMs ? 'yes' : '',
      ]),
      ['response', 'KiB', 'asked at (ms)', 'done at (ms)', 'before first row'],
    );
    printTable(
      `Cold visit to /groups, ${PROFILES[1]?.name}: main-thread tasks over 50 ms (first run)`,
      throttled.longTasks.map((t) => [`${t.atMs}`, `${t.ms}`]),
      ['started at (ms)', 'took (ms)'],
    );
  }
  if (!apiOnly && !visitsOnly)
    printTable(
      'Browser (ms)',
      [
        ['Favorites after click (server +500 ms)', fmt(browserFigures.favoritesAfterClick)],
        [
          `whole book: all ${wholeBook.groups} groups through /api`,
          fmt(browserFigures.wholeBookLoad),
        ],
        ['whole book: longest main-thread task', fmt(browserFigures.wholeBookLongestTask)],
      ],
      ['what', 'median (min–max)'],
    );
  printTable(
    'Seeding (ms)',
    [[`${size.contacts} contacts, ${size.groups} groups, ${listings} listings`, fmt(seeding)]],
    ['what', 'time'],
  );
  console.log(`\nFigures written to ${values.out}`);
  const problems = [
    ...loadProblems(api),
    ...(throttled ? lateHomePage(throttled.transfers) : []),
    ...Object.values(visits).flatMap((profile) =>
      profile.groupsCold.flatMap((visit) => otherPagesFetched(visit.transfers)),
    ),
    ...overBudget(
      Object.entries(visitSummary).map(([name, v]) => ({
        what: `cold visit to /groups, ${name}`,
        bytes: v.groupsCold.kib.median * 1024,
        limit: COLD_VISIT_BUDGET,
      })),
    ),
  ];
  if (problems.length > 0) {
    console.error(
      `\nThe benchmark failed: requests not answered with 2xx, or bytes over budget\n${problems.join('\n')}`,
    );
    process.exitCode = 1;
  }
} finally {
  const child = server?.child;
  if (process.env.BENCH_CPU_PROF && child?.pid && child.exitCode === null) {
    // A profile is written on a clean exit only: SIGTERM, and wait for it.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    await exited;
  }
  for (const child of [server?.child, ...children]) {
    if (!child?.pid) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
}
