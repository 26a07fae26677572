/** What a load run of one endpoint counted; any failure makes the benchmark fail. */
export interface Answers {
  requests: number;
  non2xx: number;
  errors: number;
}

/** One line for each endpoint that was refused, failed or never answered (none when all is well). */
export function loadProblems(figures: Record<string, Answers>): string[] {
  return Object.entries(figures).flatMap(([name, { requests, non2xx, errors }]) =>
    requests === 0 || non2xx > 0 || errors > 0
      ? [`${name}: ${requests} answers, ${non2xx} not 2xx, ${errors} errors`]
      : [],
  );
}

/** A number of bytes actually sent, and the most it may be. */
export interface Budget {
  what: string;
  bytes: number;
  limit: number;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** One line for each budget exceeded (none when all is well). */
export function overBudget(budgets: Budget[]): string[] {
  return budgets
    .filter(({ bytes, limit }) => !(bytes <= limit))
    .map(({ what, bytes, limit }) => `${what}: ${kib(bytes)} KiB sent, budget ${kib(limit)} KiB`);
}

/** A response of a visit: its address, and when it was asked for and done (ms from the start). */
export interface Timed {
  url: string;
  startMs: number;
  endMs: number;
}

/**
 * A cold visit to /groups must ask for the groups page's code while the libraries still arrive
 * (index.html names it), not one round trip after they have run; one line when it does not.
 */
export function lateHomePage(transfers: Timed[]): string[] {
  const vendor = transfers.find((t) => /\/assets\/vendor-[^/]*\.js$/.test(t.url));
  const page = transfers.find((t) => /\/assets\/groups-page-[^/]*\.js$/.test(t.url));
  if (!vendor || !page) return ['cold visit to /groups: no vendor or groups page code was fetched'];
  return page.startMs < vendor.endMs
    ? []
    : [
        `cold visit to /groups: the page's code was asked for at ${page.startMs} ms, after the libraries arrived (${vendor.endMs} ms)`,
      ];
}

/**
 * Other pages' code, which a visit to /groups loads only on intent (a link hovered, touched). The
 * circle's page is the exception: it loads once the list is idle (`usePageCodeWhenIdle`), a few
 * KiB inside the budget, since opening a circle is what most visits do next.
 */
const OTHER_PAGES = /\/assets\/(new-group-page|audit-page|needs-attention-page)-[^/]*\.js$/;

/**
 * A cold visit to /groups that does nothing else must not fetch other pages' code (it once did,
 * when idle: 13 KiB over the 250 KiB budget); one line naming each file it fetched.
 */
export function otherPagesFetched(transfers: Pick<Timed, 'url'>[]): string[] {
  return transfers
    .filter((t) => OTHER_PAGES.test(t.url))
    .map((t) => `cold visit to /groups: fetched another page's code without intent: ${t.url}`);
}
