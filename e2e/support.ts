import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import type { PortalGroup } from '../src/shared/portal-groups.js';
import type { Contact } from '../src/shared/contacts.js';
import { authorizeFormFor } from '../src/server/testing/sign-in.js';

/**
 * Signs in through the emulator's real OAuth page, the way a person does: the journeys that test
 * the sign-in itself use this one.
 */
export async function signInByHand(page: Page, name: string, path = '/groups') {
  await page.goto(path);
  await page.getByRole('link', { name: 'Sign in with Flexmls' }).click();
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * The same real sign-in (the server's /auth/login, the emulator's page and form, /auth/callback)
 * sent over HTTP in the page's own cookie jar, then `path` opened signed in: it skips two app
 * loads per journey, which on the slow network cost seconds.
 */
export async function signIn(page: Page, name: string, path = '/groups') {
  const authorize = await page.request.get('/auth/login');
  expect(authorize.ok(), `/auth/login answered ${authorize.status()}`).toBe(true);
  const { action, fields } = authorizeFormFor(await authorize.text(), name);
  const signedIn = await page.request.post(new URL(action, authorize.url()).href, { form: fields });
  expect(signedIn.ok(), `the sign-in ended with ${signedIn.status()}`).toBe(true);
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Reads the emulator directly with a demo token, to know what the page should show; `base` is
 * its /v1 (the embedded one's by default).
 */
export function sparkApi(request: APIRequestContext, token = 'demo-private', base = '/spark/v1') {
  const headers = { 'X-SparkApi-User-Agent': 'e2e', Authorization: `OAuth ${token}` };
  async function get<T>(path: string, params: Record<string, string | number> = {}): Promise<T[]> {
    const response = await request.get(`${base}${path}`, { headers, params });
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
    const body = (await response.json()) as { D: { Results: T[] } };
    return body.D.Results;
  }
  return {
    groups: (params: Record<string, string | number> = {}) =>
      get<PortalGroup>('/portal/groups', { _limit: 25, ...params }),
    group: async (id: string) => (await get<PortalGroup>(`/portal/groups/${id}`))[0],
    me: async () => (await get<{ Name: string; Role: string }>('/my/account'))[0]!,
    contacts: (params: Record<string, string | number> = {}) => get<Contact>('/contacts', params),
    /** A contact with no portal account at all (VowEnabled is false for disabled ones too). */
    async contactWithoutPortal(): Promise<Contact> {
      for (const contact of await get<Contact>('/contacts', {
        _filter: 'VowEnabled Eq false',
        _limit: 25,
      })) {
        const portal = await request.get(`${base}/contacts/${contact.Id}/portal`, { headers });
        if (portal.status() === 404) return contact;
      }
      throw new Error('The demo data has no contact without a portal account');
    },
    async totalGroups() {
      const response = await request.get(`${base}/portal/groups`, {
        headers,
        params: { _pagination: 'count' },
      });
      const body = (await response.json()) as { D: { Pagination: { TotalRows: number } } };
      return body.D.Pagination.TotalRows;
    },
  };
}

export function ownerName(group: PortalGroup): string {
  return group.Users.find((u) => u.Id === group.ContactId)?.Name ?? '';
}

/** No WCAG 2 A/AA violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}.png`) }),
    contentType: 'image/png',
  });
}

/** Tags a journey that also runs on a slow network (the `slow-network` project). */
export const SLOW_NETWORK = { tag: '@slow-network' };

/** The four views a screen can be seen in: desk and phone, light and dark. */
export const ALL_VIEWS = [
  { width: 1440, height: 900, scheme: 'light' },
  { width: 1440, height: 900, scheme: 'dark' },
  { width: 375, height: 812, scheme: 'light' },
  { width: 375, height: 812, scheme: 'dark' },
] as const;

/**
 * The views every screen is checked in. `npm test` sees each width and each scheme once (desk in
 * light, phone in dark), which keeps it within its time budget; `npm run test:stress` sets
 * E2E_VIEWS=all and sees all four.
 */
export const VIEWS =
  process.env.E2E_VIEWS === 'all' ? ALL_VIEWS : ([ALL_VIEWS[0], ALL_VIEWS[3]] as const);

/** Switches the app to `scheme` with its own toggle (the choice the user would make). */
export async function setScheme(page: Page, scheme: 'light' | 'dark') {
  const html = page.locator('html');
  if ((await html.getAttribute('data-mantine-color-scheme')) !== scheme) {
    await page.getByRole('button', { name: /color scheme/i }).click();
  }
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
}

/**
 * For each size and scheme: no axe violations, and a screenshot named `<name>-<width>-<scheme>`.
 * `ready` opens what is shown (a dialog) and waits for it; `done` closes it again, since the
 * scheme switch is in the header behind a dialog's overlay.
 */
export async function checkViews(
  page: Page,
  testInfo: TestInfo,
  name: string,
  ready: (phone: boolean) => Promise<void>,
  done: () => Promise<void> = async () => {},
) {
  // The slow network's run goes through the same views (a journey may depend on what each view's
  // `ready` and `done` do, such as closing a dialog) but leaves axe and screenshots to the fast run,
  // unless E2E_VIEWS=all (`npm run test:stress`).
  const check = testInfo.project.name !== 'slow-network' || process.env.E2E_VIEWS === 'all';
  for (const view of VIEWS) {
    await page.setViewportSize({ width: view.width, height: view.height });
    await setScheme(page, view.scheme);
    await ready(view.width < 600);
    if (check) {
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, `${name}-${view.width}-${view.scheme}`);
    }
    await done();
  }
}
