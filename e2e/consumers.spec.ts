import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../src/server/spark/demo-accounts.js';
import { checkViews, signIn, sparkApi } from './support.js';

// Four sizes and schemes, each with an axe run.
test.describe.configure({ timeout: 180_000 });

/** Avery turns Sofía's portal account on or off, as the app's "Turn portal off" does. */
async function setSofiasPortal(request: APIRequestContext, enabled: boolean) {
  const response = await request.put(`/spark/v1/contacts/${DEMO_ACCOUNTS.vow.contactId}/portal`, {
    headers: { 'X-SparkApi-User-Agent': 'e2e', Authorization: 'OAuth demo-private' },
    data: { D: { Settings: { Enabled: enabled } } },
  });
  expect(response.ok()).toBe(true);
}

test('a consumer sees their circles and the other members’ names only', async ({
  page,
  request,
}, testInfo) => {
  const vow = sparkApi(request, 'demo-vow');
  const [group] = await vow.groups();
  expect(group).toBeDefined();
  await signIn(page, (await vow.me()).Name);
  await checkViews(page, testInfo, 'consumer-list', async (phone) => {
    const list = page.getByRole(phone ? 'list' : 'table', { name: 'Portal groups' });
    await expect(list.getByRole('link').first()).toBeVisible();
    await expect(list.getByText(/Last sign-in/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Load all groups' })).toHaveCount(0);
  });
  await page.goto(`/groups/${group!.Id}`);
  await checkViews(page, testInfo, 'consumer-group', async (phone) => {
    const members = page.getByRole(phone ? 'list' : 'table', { name: 'Members' });
    for (const user of group!.Users) await expect(members).toContainText(user.Name);
    await expect(members.getByRole('button')).toHaveCount(0);
    await expect(
      members.getByText(/ ago$|^Never$|^(Active|Inactive|Enabled|Disabled)$/),
    ).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Sign-in activity' })).toHaveCount(0);
  });
});

test('a consumer whose portal was turned off is told so, with no Retry', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, (await sparkApi(request, 'demo-vow').me()).Name);
  await setSofiasPortal(request, false);
  try {
    await page.reload();
    await checkViews(page, testInfo, 'consumer-portal-off', async () => {
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Your agent has turned off your portal access');
      await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    });
  } finally {
    await setSofiasPortal(request, true);
  }
});
