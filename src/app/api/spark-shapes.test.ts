import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { contactReadSchema, portalAccountReadSchema } from '../../shared/contacts.js';
import { portalGroupReadSchema } from '../../shared/portal-groups.js';
import {
  acceptedForLater,
  contactsAsSparkSendsThem,
  countWithoutResults,
  createdContacts,
  failures,
  groupAsSparkSendsIt,
  groupsPage,
  offsetPagination,
  portalAccountWithoutFlag,
  portalAccountWithSettingsString,
  serviceFailures,
} from '../../shared/testing/real-spark-shapes.js';
import { setupMswServer } from '../testing/msw.js';
import { shouldRetryRead, shouldRetryWrite } from './retry-policy.js';
import { errorMessage } from './error-message.js';
import { SparkApiError, sparkRead, sparkWrite } from './spark-fetch.js';
import { ownAccount } from '../account/account.js';

const server = setupMswServer();
/** The own account, its user unknown: answers name no account here. */
const me = ownAccount(undefined);

function answer(path: string, body: unknown, init: ResponseInit = {}) {
  server.use(http.all(`/api/v1${path}`, () => Response.json(body, init)));
}

async function failureOf(promise: Promise<unknown>): Promise<SparkApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SparkApiError)) throw new Error(`expected a SparkApiError: ${error}`);
  return error;
}

/** A write to group x, for the answers below to refuse. */
const putGroupX = () => sparkWrite(me, { method: 'PUT', path: '/portal/groups/x', body: {} });

const [group] = groupAsSparkSendsIt.D.Results;
if (!group) throw new Error('the fixture has a group');

describe('the app reads what the real Spark API sends', () => {
  it('a group with unknown keys, Version/LastUpdated, null Office/Company, all timestamp forms and a Member', async () => {
    answer('/portal/groups/x', groupAsSparkSendsIt);
    const { results } = await sparkRead(me, portalGroupReadSchema, { path: '/portal/groups/x' });
    expect(results).toHaveLength(1);
    const [owner, contact, agent] = results[0]?.Users ?? [];
    expect(owner).toMatchObject({ LastLogin: '2026-11-26T08:15:00-06:00', Office: null });
    expect(owner).not.toHaveProperty('Locale');
    expect(results[0]).not.toHaveProperty('ModificationTimestamp');
    expect(contact?.LastLogin).toBe('2026-09-02T17:45:10');
    expect(agent).toMatchObject({
      UserType: 'Member',
      Name: 'Avery Stone',
      Office: 'Stone & Partners Realty',
    });
    expect(agent?.Active).toBeUndefined();
    expect(agent?.Enabled).toBeUndefined();
    expect(agent?.LastLogin).toBeUndefined();
  });

  it('Pagination with CurrentPage, with CurrentOffset instead, and a count without Results', async () => {
    answer(
      '/portal/groups',
      groupsPage([group], { TotalRows: 60, PageSize: 25, TotalPages: 3, CurrentPage: 2 }),
    );
    expect(
      (await sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' })).pagination,
    ).toEqual({
      TotalRows: 60,
      PageSize: 25,
      TotalPages: 3,
      CurrentPage: 2,
    });
    answer('/portal/groups', groupsPage([group], offsetPagination));
    expect(
      (await sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' })).pagination,
    ).toEqual({
      TotalRows: 60,
      PageSize: 25,
      TotalPages: 3,
      CurrentPage: 2,
    });
    answer('/portal/groups', countWithoutResults);
    const count = await sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' });
    expect(count.results).toEqual([]);
    expect(count.pagination?.TotalRows).toBe(2001);
  });

  it('contacts with only some fields, or more than the app reads', async () => {
    answer('/contacts', contactsAsSparkSendsThem);
    const { results } = await sparkRead(me, contactReadSchema, { path: '/contacts' });
    expect(results.map((c) => c.DisplayName)).toEqual(['Nadia Okafor', 'Pieter de Vries']);
    expect(results[0]?.VowEnabled).toBeUndefined();
    expect(results[1]).not.toHaveProperty('HomeStreetAddress');
    expect(results[1]?.FamilyName).toBe('de Vries');
  });

  it('portal accounts with no Enabled flag, or only Settings.Enabled as a string', async () => {
    answer('/contacts/a/portal', portalAccountWithoutFlag);
    const [plain] = (await sparkRead(me, portalAccountReadSchema, { path: '/contacts/a/portal' }))
      .results;
    expect(plain).toMatchObject({
      Id: '20261101120000000000000401',
      LastLogin: '2026-10-07T20:09:37Z',
    });
    expect(plain?.Enabled).toBeUndefined();
    answer('/contacts/b/portal', portalAccountWithSettingsString);
    const [off] = (await sparkRead(me, portalAccountReadSchema, { path: '/contacts/b/portal' }))
      .results;
    expect(off?.Enabled).toBe(false);
  });

  it('a write accepted for later (202) and a create with one ResourceUri per record', async () => {
    answer('/portal/groups/x', acceptedForLater, { status: 202 });
    await expect(
      sparkWrite(me, { method: 'PUT', path: '/portal/groups/x', body: { Tags: [] } }),
    ).resolves.toEqual({
      Success: true,
    });
    server.use(
      http.delete('/api/v1/portal/groups/y', () => new HttpResponse(null, { status: 202 })),
    );
    await expect(sparkWrite(me, { method: 'DELETE', path: '/portal/groups/y' })).resolves.toEqual({
      Success: true,
    });
    answer('/contacts', createdContacts, { status: 201 });
    const created = await sparkWrite(me, {
      method: 'POST',
      path: '/contacts',
      body: { Contacts: [] },
    });
    expect(created.Results?.map((r) => r.ResourceUri)).toHaveLength(2);
  });

  it('still refuses garbage, saying where it is wrong', async () => {
    const garbage: [string, unknown][] = [
      ['Results: not an array', { D: { Success: true, Results: { Id: 'x' } } }],
      [
        'a group without Users',
        { D: { Success: true, Results: [{ ...group, Users: undefined }] } },
      ],
      [
        'a user without Name',
        {
          D: {
            Success: true,
            Results: [
              {
                ...group,
                Users: [{ Id: 'u', ResourceUri: '/v1/contacts/u', UserType: 'Contact' }],
              },
            ],
          },
        },
      ],
      [
        'a LastLogin that is no date',
        {
          D: {
            Success: true,
            Results: [{ ...group, Users: [{ ...group.Users[0], LastLogin: 'yesterday' }] }],
          },
        },
      ],
      ['no D', { Success: true, Results: [] }],
      [
        'Pagination without TotalRows',
        { D: { Success: true, Results: [], Pagination: { PageSize: 25 } } },
      ],
    ];
    for (const [what, body] of garbage) {
      answer('/portal/groups', body);
      const error = await failureOf(
        sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }),
      );
      expect({ what, code: error.code }).toEqual({ what, code: -1 });
      expect(error.message).toMatch(/^Unexpected answer from the server \(.+\)$/);
      expect(errorMessage(error)).toBe(
        'The server sent an answer this app cannot read. Please try again later.',
      );
    }
    server.use(http.get('/api/v1/portal/groups', () => HttpResponse.text('<html>Gateway</html>')));
    expect(
      (await failureOf(sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }))).code,
    ).toBe(-1);
  });
});

describe('the app reads the failures the real Spark API sends', () => {
  it('with no Code and no Message', async () => {
    answer('/portal/groups', failures.bare, { status: 500 });
    const error = await failureOf(sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }));
    expect(error).toMatchObject({ status: 500, code: 500, message: 'HTTP 500' });
    expect(errorMessage(error)).toBe('Something went wrong on the server. Please try again.');
  });

  it('with Details, and as HTTP 200 with Success false', async () => {
    answer('/portal/groups/x', failures.withDetails, { status: 400 });
    const details = await failureOf(putGroupX());
    expect(errorMessage(details)).toBe('The data you provided failed constraints');
    answer('/contacts', failures.duplicate, { status: 200 });
    const duplicate = await failureOf(
      sparkWrite(me, { method: 'POST', path: '/contacts', body: {} }),
    );
    expect(duplicate.code).toBe(1055);
    expect(errorMessage(duplicate)).toBe('A contact with this e-mail already exists');
  });

  it('with nested Errors of every Type and no Message: the first message found, with its attribute', async () => {
    answer('/portal/groups/x', failures.nestedErrors, { status: 400 });
    const error = await failureOf(putGroupX());
    expect(error.code).toBe(1053);
    expect(errorMessage(error)).toBe('A group has at most 100 users.');
  });

  it('with SparkQLErrors of each Status', async () => {
    answer('/portal/groups', failures.sparkQl, { status: 400 });
    const error = await failureOf(sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }));
    expect(error).toMatchObject({ code: 1040, message: 'The _filter syntax was invalid.' });
    answer('/portal/groups', { D: { ...failures.sparkQl.D, Message: undefined } }, { status: 400 });
    const unnamed = await failureOf(
      sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }),
    );
    expect(unnamed.message).toBe('The search could not use ExpirationDate');
  });

  it('an expired token, as recorded', async () => {
    answer('/portal/groups', failures.expired, { status: 401 });
    const error = await failureOf(sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }));
    expect(errorMessage(error)).toBe('Your session has ended');
  });

  it('the statuses only the real API sends, each in words the user understands', async () => {
    const shown = new Map<number, string>();
    for (const failure of serviceFailures) {
      answer(
        '/portal/groups',
        { D: { Success: false, Code: failure.code, Message: failure.message } },
        { status: failure.status },
      );
      const error = await failureOf(
        sparkRead(me, portalGroupReadSchema, { path: '/portal/groups' }),
      );
      expect(error.code).toBe(failure.code);
      expect(error.retryAfterSeconds).toBeUndefined();
      shown.set(failure.code, errorMessage(error));
    }
    expect(Object.fromEntries(shown)).toEqual({
      1023: 'Your Flexmls account is not ready yet. Please try again in a few minutes.',
      1024: 'Your Flexmls account is not ready yet. Please try again in a few minutes.',
      1510: 'Flexmls is temporarily unavailable. Please try again shortly.',
      1515: 'Flexmls took too long to answer. Please try again.',
      1516: 'This search took Flexmls too long. Try a shorter or more specific search.',
      1025: 'The portal group selected for this account no longer exists. Choose another group.',
      1030: 'Flexmls only accepts secure (https) connections. Ask your administrator to check the server settings.',
      1550: 'Flexmls is busy, retrying shortly',
    });
  });

  it('retries reads on the 503s, and a write refused as 1550 over 503 (it was not applied)', () => {
    const busy = new SparkApiError('Over rate limit', 503, 1550);
    expect(shouldRetryRead(0, busy)).toBe(true);
    expect(shouldRetryWrite(0, busy)).toBe(true);
    expect(shouldRetryRead(0, new SparkApiError('not ready', 503, 1023))).toBe(true);
    expect(shouldRetryWrite(0, new SparkApiError('unavailable', 503, 1510))).toBe(false);
    expect(shouldRetryRead(0, new SparkApiError('https', 403, 1030))).toBe(false);
  });
});
