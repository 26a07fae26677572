import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/server/testing/test-server.js';
import { runLoad } from './api-load.js';
import { lateHomePage, loadProblems, otherPagesFetched, overBudget } from './check.js';

describe('loadProblems', () => {
  const ok = { requests: 120, non2xx: 0, errors: 0 };

  it('passes when every request was answered with 2xx', () => {
    expect(loadProblems({ 'list page 1': ok, 'one group': ok })).toEqual([]);
  });

  it('fails on a single answer outside 2xx, an error or no answer at all', () => {
    expect(
      loadProblems({
        'list page 1': ok,
        'one group': { ...ok, non2xx: 1 },
        'contacts search': { ...ok, errors: 2 },
        'app proxy: list page 1': { requests: 0, non2xx: 0, errors: 0 },
      }),
    ).toEqual([
      'one group: 120 answers, 1 not 2xx, 0 errors',
      'contacts search: 120 answers, 0 not 2xx, 2 errors',
      'app proxy: list page 1: 0 answers, 0 not 2xx, 0 errors',
    ]);
  });
});

describe('overBudget', () => {
  it('names each budget exceeded, and one never measured', () => {
    expect(
      overBudget([
        { what: 'cold visit, unthrottled', bytes: 250 * 1024, limit: 250 * 1024 },
        { what: 'cold visit, Slow 4G', bytes: 250 * 1024 + 1, limit: 250 * 1024 },
        { what: 'warm visit', bytes: NaN, limit: 100 * 1024 },
      ]),
    ).toEqual([
      'cold visit, Slow 4G: 250.0 KiB sent, budget 250.0 KiB',
      'warm visit: NaN KiB sent, budget 100.0 KiB',
    ]);
  });
});

describe('lateHomePage', () => {
  const vendor = { url: '/assets/vendor-abc.js', startMs: 470, endMs: 1760 };
  const page = (startMs: number) => ({
    url: '/assets/groups-page-x1.js',
    startMs,
    endMs: startMs + 200,
  });

  it('passes when the page code is asked for while the libraries arrive', () => {
    expect(lateHomePage([{ url: '/groups', startMs: 0, endMs: 160 }, vendor, page(471)])).toEqual(
      [],
    );
  });

  it('names a page code asked for after the libraries, and one never fetched', () => {
    expect(lateHomePage([vendor, page(2300)])).toEqual([
      "cold visit to /groups: the page's code was asked for at 2300 ms, after the libraries arrived (1760 ms)",
    ]);
    expect(lateHomePage([vendor])).toEqual([
      'cold visit to /groups: no vendor or groups page code was fetched',
    ]);
  });
});

describe('runLoad against the real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    // As in the bench: a second of load is thousands of requests, past Spark's rate limit.
    server = await startTestServer({ SPARK_RATE_LIMIT: '100000000' });
  });
  afterAll(() => server.dispose());

  it('counts the refused answers of each request in the cycle apart', async () => {
    const headers = { 'X-SparkApi-User-Agent': 'bench-test', Authorization: 'OAuth demo-private' };
    const [groups, missing, unsigned] = await runLoad({
      url: server.url,
      headers,
      durationSeconds: 1,
      connections: 2,
      cycle: () => [
        { path: '/spark/v1/portal/groups?_limit=1' },
        { path: '/spark/v1/portal/groups/20000101000000000000000000' },
        { path: '/api/v1/portal/groups?_limit=1' },
      ],
    });
    if (!groups || !missing || !unsigned) throw new Error('one result for each request expected');
    expect(groups.non2xx).toBe(0);
    expect(missing.requests).toBeGreaterThan(0);
    expect(missing.non2xx).toBe(missing.requests);
    expect(unsigned.requests).toBeGreaterThan(0);
    expect(unsigned.non2xx).toBe(unsigned.requests);
    const problems = loadProblems({
      groups: groups,
      missing: missing,
      'api without a session': unsigned,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^missing: /),
        expect.stringMatching(/^api without a session: /),
      ]),
    );
  });
});

describe('otherPagesFetched', () => {
  it("passes when a visit fetched the groups page, shared code and the circle's page only", () => {
    expect(
      otherPagesFetched([
        { url: 'http://127.0.0.1:1/assets/groups-page-x1.js' },
        { url: 'http://127.0.0.1:1/assets/group-page-a1.js' },
        { url: 'http://127.0.0.1:1/assets/shared-x2.js' },
        { url: 'http://127.0.0.1:1/api/v1/portal/groups?_limit=25' },
      ]),
    ).toEqual([]);
  });

  it("names each other page's code a visit fetched without intent", () => {
    expect(
      otherPagesFetched([
        { url: 'http://127.0.0.1:1/assets/groups-page-x1.js' },
        { url: 'http://127.0.0.1:1/assets/new-group-page-b2.js' },
        { url: 'http://127.0.0.1:1/assets/audit-page-c3.js' },
      ]),
    ).toEqual([
      "cold visit to /groups: fetched another page's code without intent: http://127.0.0.1:1/assets/new-group-page-b2.js",
      "cold visit to /groups: fetched another page's code without intent: http://127.0.0.1:1/assets/audit-page-c3.js",
    ]);
  });
});
