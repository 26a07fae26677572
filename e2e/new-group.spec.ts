import { expect, test } from '@playwright/test';
import { signIn, SLOW_NETWORK, sparkApi } from './support.js';

test(
  'create a group for a contact who owns none, and land on it',
  SLOW_NETWORK,
  async ({ page, request }) => {
    const api = sparkApi(request);
    const owners = new Set<string>();
    for (let pageNo = 1; ; pageNo++) {
      const groups = await api.groups({ _page: pageNo });
      groups.forEach((g) => owners.add(g.ContactId));
      if (groups.length < 25) break;
    }
    const candidates = await api.contacts({ _filter: 'VowEnabled Eq true', _limit: 25 });
    const owner = candidates.find((c) => !owners.has(c.Id))!;
    expect(owner, 'the demo data has a contact with a portal account and no group').toBeDefined();

    await signIn(page, 'Avery Stone');
    await page
      .getByRole('link', { name: 'New group' })
      .or(page.getByRole('button', { name: 'New group' }))
      .first()
      .click();
    await expect(page).toHaveURL(/\/groups\/new$/);
    await page.getByRole('searchbox', { name: 'Search owner' }).fill(owner.DisplayName);
    await page.getByRole('radio', { name: new RegExp(owner.DisplayName) }).check();
    await page.getByRole('button', { name: 'Create group' }).click();

    await expect(page.getByRole('heading', { level: 1, name: owner.DisplayName })).toBeVisible();
    await expect(page).toHaveURL(/\/groups\/\d{26}$/);
    const id = page.url().split('/').pop()!;
    await expect.poll(async () => (await api.group(id))?.ContactId).toBe(owner.Id);
  },
);
