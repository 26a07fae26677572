import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_USER_AGENT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../config.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { authorizeFormFor, chooseAccount } from '../testing/sign-in.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { expectFailure, sparkClient, type SparkCall } from '../testing/spark-call.js';

const vow = DEMO_ACCOUNTS.vow;
const portalPath = `/v1/contacts/${vow.contactId}/portal`;

let server: TestServer;
let call: SparkCall;
let authorizeUrl: string;
let redirectUri: string;

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
  redirectUri = `${server.config.publicUrl}/auth/callback`;
  authorizeUrl = `${server.url}/spark/oauth2?${new URLSearchParams({
    response_type: 'code',
    client_id: DEMO_CLIENT_ID,
    redirect_uri: redirectUri,
    state: 's',
  })}`;
});
afterAll(() => server?.dispose());

const setPortal = async (enabled: boolean | string) => {
  const response = await call('PUT', portalPath, {
    body: { D: { Settings: { Enabled: enabled } } },
  });
  expect(response.status).toBe(200);
};

async function grant(body: Record<string, string>) {
  const response = await fetch(`${server.url}/spark/v1/oauth2/grant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SparkApi-User-Agent': APP_USER_AGENT },
    body: JSON.stringify({ client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, ...body }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

async function codeFor(name: string): Promise<string> {
  const chosen = await chooseAccount(authorizeUrl, name);
  expect(chosen.status).toBe(302);
  return new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

const consumerReads = (token: string) => [
  call('GET', '/v1/my/account', { token }),
  call('GET', '/v1/portal/groups', { token }),
  call('GET', '/v1/portal/groups/current', { token }),
  call('GET', `/v1/portal/groups/${vow.portalAccountId}`, { token }),
];

describe('a consumer whose portal account the agent disabled', () => {
  it('is refused 403/1500 on every call until the account is enabled again', async () => {
    const groups = await call('GET', '/v1/portal/groups', { token: vow.token });
    expect(groups.status).toBe(200);
    expect(groups.json.D.Results.length).toBeGreaterThanOrEqual(2);

    await setPortal(false);
    for (const response of await Promise.all(consumerReads(vow.token))) {
      expectFailure(response, 403, 1500);
      expect(response.text).not.toContain(vow.name);
    }
    expect((await call('GET', '/v1/portal/groups', { token: 'demo-portal' })).status).toBe(200);
    expect((await call('GET', portalPath)).json.D.Results[0]).toMatchObject({ Enabled: false });

    await setPortal('true');
    const [account, again] = await Promise.all(consumerReads(vow.token));
    expect(account?.json.D.Results[0]).toMatchObject({ Name: vow.name, Role: 'VOW' });
    expect(again?.json.D.Results.map((g: { Id: string }) => g.Id)).toEqual(
      groups.json.D.Results.map((g: { Id: string }) => g.Id),
    );
  });

  it('cannot sign in: the authorize page says so and a forged choice gets no code', async () => {
    const page = await (await fetch(authorizeUrl)).text();
    const form = authorizeFormFor(page, vow.name);
    await setPortal(false);

    const disabledPage = await (await fetch(authorizeUrl)).text();
    expect(disabledPage).not.toContain(`Sign in as ${vow.name}`);
    expect(disabledPage).toContain('the portal account is disabled');
    expect(disabledPage).toContain('Sign in as Liam O&#39;Brien');
    const forged = await fetch(new URL(form.action, authorizeUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields).toString(),
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('location')).toBeNull();
    expect(await forged.text()).toContain('portal account is disabled');

    await setPortal(true);
    expect(await codeFor(vow.name)).not.toBe('');
  });

  it('cannot turn an earlier code or refresh token into tokens while disabled', async () => {
    const signedIn = await grant({
      grant_type: 'authorization_code',
      code: await codeFor(vow.name),
      redirect_uri: redirectUri,
    });
    expect(signedIn.status).toBe(200);
    const pending = await codeFor(vow.name);
    await setPortal(false);

    expectFailure(
      await call('GET', '/v1/my/account', { token: signedIn.json.access_token }),
      403,
      1500,
    );
    const refused = [
      await grant({
        grant_type: 'refresh_token',
        refresh_token: signedIn.json.refresh_token ?? '',
      }),
      await grant({ grant_type: 'authorization_code', code: pending, redirect_uri: redirectUri }),
    ];
    for (const response of refused) {
      expect(response).toEqual({
        status: 400,
        json: { error: 'invalid_grant', error_description: expect.stringContaining('disabled') },
      });
    }

    await setPortal(true);
    const refreshed = await grant({
      grant_type: 'refresh_token',
      refresh_token: signedIn.json.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(200);
    const account = await call('GET', '/v1/my/account', { token: refreshed.json.access_token });
    expect(account.json.D.Results[0]).toMatchObject({ Name: vow.name });
  });
});
