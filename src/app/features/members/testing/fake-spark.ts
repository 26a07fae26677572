import { http, HttpResponse } from 'msw';
import type { Contact } from '../../../../shared/contacts.js';
import type { PortalGroup, PortalGroupUser } from '../../../../shared/portal-groups.js';
import { makeUser } from '../../../testing/fixtures.js';

const API = '/api/v1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const OWNER_ID = '20260101000000000000000001';
export const GROUP_ID = '20260101000000000000000101';

export function member(Id: string, Name: string, fields: Partial<PortalGroupUser> = {}) {
  return makeUser(Name, { Id, ...fields });
}

export function contact(Id: string, DisplayName: string, fields: Partial<Contact> = {}) {
  const [GivenName = null, FamilyName = null] = DisplayName.split(' ');
  return {
    Id,
    ResourceUri: `/v1/contacts/${Id}`,
    DisplayName,
    GivenName,
    FamilyName,
    PrimaryEmail: `${DisplayName.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    Tags: [],
    VowEnabled: true,
    ModificationTimestamp: '2026-01-01T00:00:00Z',
    ...fields,
  } satisfies Contact;
}

const ago = (ms: number) => new Date(Date.now() - ms);

/** The three timestamp forms the real API returns: `Z`, an offset, and no zone. */
export function sampleMembers(): PortalGroupUser[] {
  const twoHoursAgo = ago(2 * HOUR);
  const inCentralTime = new Date(twoHoursAgo.getTime() - 6 * HOUR).toISOString().slice(0, 19);
  return [
    member(OWNER_ID, 'Olivia Oak', { LastLogin: `${inCentralTime}-06:00` }),
    member('20260101000000000000000002', 'Bea Brown', {
      LastLogin: ago(DAY).toISOString().slice(0, 19),
    }),
    member('20260101000000000000000003', 'Carl Contact', {
      Active: false,
      LastLogin: ago(125 * DAY).toISOString(),
    }),
    // Signed in two days ago, then the portal was turned off: Inactive.
    member('20260101000000000000000004', 'Dana Disabled', {
      Active: false,
      Enabled: false,
      LastLogin: ago(2 * DAY).toISOString(),
    }),
  ];
}

export function sampleContacts(): Contact[] {
  return [
    ...sampleMembers().map((user) => contact(user.Id, user.Name, { VowEnabled: user.Enabled })),
    contact('20260101000000000000000005', 'Erin Evans'),
    contact('20260101000000000000000006', 'Frank Fields'),
    contact('20260101000000000000000007', 'Gina Green', { VowEnabled: false }),
    contact('20260101000000000000000008', "Hal O'Hara", { VowEnabled: false }),
  ];
}

export interface RecordedRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

/** An in-memory Spark API behind /api/v1, enough for the members and contacts features. */
export function createFakeSpark() {
  const group: PortalGroup = {
    Id: GROUP_ID,
    ResourceUri: `/v1/portal/groups/${GROUP_ID}`,
    ContactId: OWNER_ID,
    Tags: [],
    Users: sampleMembers(),
  };
  const contacts = sampleContacts();
  /** Contacts with a disabled portal account (VowEnabled false, GET portal answers). */
  const disabledAccounts = new Set<string>([
    '20260101000000000000000004',
    '20260101000000000000000008',
  ]);
  const requests: RecordedRequest[] = [];
  const held = new Map<string, Promise<void>>();

  /** Holds the answers to requests of this method until `release` is called. */
  const hold = (method: string) => {
    let release = () => {};
    held.set(
      method,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return { release };
  };

  const record = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({
      method: request.method,
      path: url.pathname.replace(API, ''),
      search: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    });
    await held.get(request.method);
  };
  const ok = (Results?: unknown[], status = 200) =>
    HttpResponse.json({ D: { Success: true, ...(Results ? { Results } : {}) } }, { status });
  const failure = (status: number, Code: number, Message: string) =>
    HttpResponse.json({ D: { Success: false, Code, Message } }, { status });

  const handlers = [
    http.get(`${API}/portal/groups/:groupId`, async ({ request, params }) => {
      await record(request);
      return params.groupId === group.Id ? ok([group]) : failure(404, 404, 'Not found');
    }),
    http.post(`${API}/portal/groups/:groupId`, async ({ request }) => {
      await record(request);
      const body = (await request.json()) as { D: { Users: { Id: string }[] } };
      const wanted = body.D.Users.map(({ Id }) => contacts.find((c) => c.Id === Id));
      if (wanted.some((c) => !c)) return failure(400, 1053, 'Unknown user');
      if (wanted.some((c) => c && !c.VowEnabled && !disabledAccounts.has(c.Id))) {
        return failure(400, 1100, 'Contact has no portal account');
      }
      for (const c of wanted) {
        if (c && !group.Users.some((user) => user.Id === c.Id)) {
          group.Users.push(member(c.Id, c.DisplayName, { Active: false }));
        }
      }
      return ok();
    }),
    http.delete(`${API}/portal/groups/:groupId/users/:userId`, async ({ request, params }) => {
      await record(request);
      if (params.userId === group.ContactId) return failure(400, 1053, 'Cannot remove the owner');
      const before = group.Users.length;
      group.Users = group.Users.filter((user) => user.Id !== params.userId);
      return group.Users.length < before ? ok() : failure(404, 404, 'Not a member');
    }),
    http.get(`${API}/contacts`, async ({ request }) => {
      await record(request);
      const filter = new URL(request.url).searchParams.get('_filter') ?? '';
      if (filter.startsWith('Id Eq ')) {
        const ids = new Set([...filter.matchAll(/'(\d+)'/g)].map((match) => match[1]));
        return ok(contacts.filter((c) => ids.has(c.Id)));
      }
      const text = /'\*(.*?)\*'/.exec(filter)?.[1]?.replace(/\\'/g, "'").toLowerCase() ?? '';
      return ok(
        contacts.filter(
          (c) =>
            c.DisplayName.toLowerCase().includes(text) ||
            (c.PrimaryEmail ?? '').toLowerCase().includes(text),
        ),
      );
    }),
    http.get(`${API}/contacts/:contactId/portal`, async ({ request, params }) => {
      await record(request);
      const c = contacts.find((candidate) => candidate.Id === params.contactId);
      if (!c || (!c.VowEnabled && !disabledAccounts.has(c.Id))) {
        return failure(404, 404, 'Not found');
      }
      return ok([
        {
          Id: `9${c.Id.slice(1)}`,
          ResourceUri: `/v1/portal/9${c.Id.slice(1)}`,
          Enabled: c.VowEnabled,
          LastLogin: null,
          LastActive: null,
        },
      ]);
    }),
    http.put(`${API}/contacts/:contactId/portal`, async ({ request, params }) => {
      await record(request);
      const c = contacts.find((candidate) => candidate.Id === params.contactId);
      if (!c || (!c.VowEnabled && !disabledAccounts.has(c.Id))) {
        return failure(404, 404, 'Not found');
      }
      const body = (await request.json()) as { D: { Settings: { Enabled: boolean } } };
      const enabled = body.D.Settings.Enabled;
      c.VowEnabled = enabled;
      if (enabled) disabledAccounts.delete(c.Id);
      else disabledAccounts.add(c.Id);
      group.Users = group.Users.map((user) =>
        user.Id === c.Id ? { ...user, Enabled: enabled } : user,
      );
      return ok();
    }),
    http.post(`${API}/contacts/:contactId/portal`, async ({ request, params }) => {
      await record(request);
      const c = contacts.find((candidate) => candidate.Id === params.contactId);
      if (!c) return failure(404, 404, 'Not found');
      if (c.VowEnabled || disabledAccounts.has(c.Id)) {
        return failure(409, 1110, 'Portal account exists');
      }
      c.VowEnabled = true;
      return ok([{ ResourceUri: `/v1/contacts/${c.Id}/portal` }], 201);
    }),
  ];

  const writes = () => requests.filter((request) => request.method !== 'GET');
  return { group, contacts, requests, writes, handlers, failure, hold };
}
