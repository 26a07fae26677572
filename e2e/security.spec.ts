import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn, signInByHand, sparkApi } from './support.js';

const GIVEN = '<img src=x onerror=window.__xss=1>';
const FAMILY = '<script>window.__xss=1</script>';
const NAME = `${GIVEN} ${FAMILY}`;
const SPARK_HEADERS = {
  'X-SparkApi-User-Agent': 'e2e',
  Authorization: 'OAuth demo-private',
  'Content-Type': 'application/json',
};

interface Created {
  contactId: string;
  ownGroupId: string;
  otherGroupId: string;
}

async function sparkPost(request: APIRequestContext, path: string, body: unknown) {
  const response = await request.post(`/spark/v1${path}`, {
    headers: SPARK_HEADERS,
    data: { D: body },
  });
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return (await response.json()) as { D: { Results?: { Id?: string; ResourceUri?: string }[] } };
}

/** A contact whose name is markup, owner of a new group and member of another one. */
async function createHostileContact(request: APIRequestContext): Promise<Created> {
  const created = await sparkPost(request, '/contacts', { GivenName: GIVEN, FamilyName: FAMILY });
  const contactId = created.D.Results?.[0]?.ResourceUri?.split('/').pop() ?? '';
  expect(contactId).toMatch(/^\d{26}$/);
  const portal = await request.get(`/spark/v1/contacts/${contactId}/portal`, {
    headers: SPARK_HEADERS,
  });
  const portalId = ((await portal.json()) as { D: { Results: { Id: string }[] } }).D.Results[0]!.Id;
  await sparkPost(request, `/portal/groups/${portalId}`, { Users: [{ Id: contactId }] });
  const other = (await sparkApi(request).groups({ _orderby: 'Name' }))[1]!;
  await sparkPost(request, `/portal/groups/${other.Id}`, { Users: [{ Id: contactId }] });
  return { contactId, ownGroupId: portalId, otherGroupId: other.Id };
}

/** The name is on screen as text, and nothing it contains became an element or ran. */
async function expectInert(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script', { hasText: '__xss' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

test('names made of markup are shown as text everywhere and never run', async ({
  page,
  request,
}) => {
  const { ownGroupId, otherGroupId } = await createHostileContact(request);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signIn(page, 'Avery Stone');
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('<img');
  await expect(page).toHaveURL(/q=%3Cimg/);
  const row = page.getByRole('table', { name: /Portal groups/ }).getByRole('link', { name: NAME });
  await expect(row).toHaveText(NAME);
  await expectInert(page);

  await row.click();
  await expect(page).toHaveURL(new RegExp(`/groups/${ownGroupId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  await expect(page).toHaveTitle(`${NAME} · Portal Groups Admin`);
  await expect(page.getByRole('table', { name: 'Members' }).getByText(NAME)).toBeVisible();
  await page.getByRole('button', { name: 'Delete group' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`The group of ${NAME} will be removed.`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expectInert(page);

  await page.goto(`/groups/${otherGroupId}`);
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByText(NAME)).toBeVisible();
  await page.getByRole('button', { name: 'Add members' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add members' });
  await addDialog.getByRole('textbox', { name: 'Search contacts' }).fill('<script>');
  await expect(addDialog.getByText(NAME)).toBeVisible();
  await expectInert(page);
  await addDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(addDialog).toBeHidden();

  await page.getByRole('button', { name: `Remove ${NAME}` }).click();
  await expect(page.getByText(`Removed ${NAME}`)).toBeVisible();
  await expect(members.getByText(NAME)).toBeHidden();
  await expectInert(page);

  await page.goto('/groups/new');
  await page.getByRole('searchbox', { name: 'Search owner' }).fill('<img');
  const owner = page.getByRole('radio', { name: NAME });
  await expect(owner).toBeDisabled();
  await page.getByRole('searchbox', { name: 'Search members' }).fill('<script');
  await page.getByRole('checkbox', { name: NAME }).check();
  await expect(page.getByRole('list', { name: 'Chosen members' })).toHaveText(NAME);
  await expectInert(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'New group' })).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
});

test('no token reaches the page source, its scripts or document.cookie', async ({
  page,
  context,
}) => {
  await signInByHand(page, 'Avery Stone');
  const tokenLike = /[\w-]{43,}/;

  const source = await (await page.request.get('/groups')).text();
  expect(source).toContain('<div id="root">');
  expect(source).not.toMatch(tokenLike);
  expect(source).not.toContain('demo-client-secret');
  for (const [, src] of source.matchAll(/<script[^>]*src="([^"]+)"/g)) {
    const script = await (await page.request.get(src!)).text();
    expect(script, src).not.toContain('demo-client-secret');
    expect(script, src).not.toContain('demo-private');
  }

  const visible = await page.evaluate(() => document.cookie);
  expect(visible).not.toContain('pga_session');
  expect(visible).not.toMatch(tokenLike);
  const session = (await context.cookies()).find((cookie) => cookie.name === 'pga_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  const storage = await page.evaluate(() =>
    JSON.stringify({ ...window.localStorage, ...window.sessionStorage }),
  );
  expect(storage).not.toMatch(tokenLike);
});
