import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../shared/account.js';
import {
  contactReadSchema,
  portalAccountReadSchema,
  portalSettings,
  type Contact,
} from '../../shared/contacts.js';
import { sparkResultsSchema, sparkWriteSchema } from '../../shared/envelope.js';
import { portalGroupReadSchema, type PortalGroup } from '../../shared/portal-groups.js';
import { inject, ORIGIN } from './in-process-fetch.js';

/** The demo users of the emulator's seeded data (README, "Demo tokens"). */
export type DemoUser =
  'Avery Stone' | 'Jordan Lee' | 'Riley Park' | 'Sofía Álvarez' | "Liam O'Brien";

/** A group to create: its owner, the other members, Favorites or not. */
export interface GroupSpec {
  owner: string;
  members?: string[];
  /** Contacts that exist already (e.g. a demo consumer's), added as members too. */
  memberIds?: string[];
  favorite?: boolean;
}

/** A signed-in session on the real server, and what a test does with it through the real API. */
export interface Session {
  user: SessionUser;
  /** `pga_session=...`: the cookie the browser holds while the app runs as this session. */
  cookie: string;
  /** A call to the app's `/api` (or `/auth`) as this session, with the app's own write header. */
  call(method: string, path: string, body?: unknown): Promise<Response>;
  /** Every group of this agent (or of `agentId`, for an assistant working for them). */
  groups(agentId?: string): Promise<PortalGroup[]>;
  /** Deletes every group of this agent, through the API. */
  deleteAllGroups(): Promise<void>;
  /**
   * Creates the groups through the API (one new contact, with its portal account, per name; a
   * name used twice is the same contact) and answers them as the API reads them back, in order.
   */
  createGroups(specs: GroupSpec[]): Promise<PortalGroup[]>;
  /** A new contact with an enabled portal account (never signed in): its Id. */
  createContact(name: string): Promise<string>;
  /** One contact, as the API reads it. */
  contact(contactId: string): Promise<Contact>;
  /** Turns a contact's portal account on or off, as the app does. */
  setPortal(contactId: string, enabled: boolean): Promise<void>;
  /** One group, as the API reads it now. */
  group(groupId: string): Promise<PortalGroup>;
  /** One group, created as `createGroups` does. */
  createGroup(spec: GroupSpec): Promise<PortalGroup>;
  /** `deleteAllGroups`, then `createGroups`: the agent's list is exactly these. */
  replaceGroups(specs: GroupSpec[]): Promise<PortalGroup[]>;
}

const groupsAnswer = sparkResultsSchema(portalGroupReadSchema);
const portalAnswer = sparkResultsSchema(portalAccountReadSchema);
const contactsAnswer = sparkResultsSchema(contactReadSchema);

function splitName(name: string) {
  const space = name.indexOf(' ');
  return space < 0
    ? { GivenName: name, FamilyName: name }
    : { GivenName: name.slice(0, space), FamilyName: name.slice(space + 1) };
}

let contactSequence = 0;
/** `Zoë O'Brien 2` → `zo.o.brien.2`: a contact's name as the start of their e-mail address. */
const emailName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '') || 'contact';

export function makeSession(
  app: () => FastifyInstance,
  user: SessionUser,
  cookie: string,
): Session {
  const call = async (method: string, path: string, body?: unknown) =>
    inject(
      app(),
      new URL(path, ORIGIN),
      method,
      new Headers({
        Cookie: cookie,
        'X-Requested-With': 'PortalGroupsAdmin',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      }),
      body === undefined ? undefined : JSON.stringify(body),
    );
  const expectOk = async (response: Response, what: string) => {
    if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return response;
  };
  const readGroups = async (path: string) => {
    const response = await expectOk(await call('GET', path), `GET ${path}`);
    return groupsAnswer.parse(await response.json()).D;
  };
  /** Every page of a list (25 a page, the most the API gives). */
  const readAll = async (path: string) => {
    const all: PortalGroup[] = [];
    for (let page = 1; ; page += 1) {
      const { Results, Pagination } = await readGroups(
        `${path}?_limit=25&_pagination=1&_page=${page}`,
      );
      all.push(...Results);
      if (!Pagination || page >= Pagination.TotalPages) return all;
    }
  };
  /** One new contact per distinct name, 25 a request (the most the API takes). */
  const createContacts = async (names: string[]) => {
    const distinct = [...new Set(names)];
    const contactIds = new Map<string, string>();
    for (let start = 0; start < distinct.length; start += 25) {
      const batch = distinct.slice(start, start + 25);
      const created = await expectOk(
        await call('POST', '/api/v1/contacts', {
          D: {
            Contacts: batch.map((name) => {
              contactSequence += 1;
              return {
                ...splitName(name),
                DisplayName: name,
                // Unique, and found by the name it starts with (`carl.contact.3@example.com`).
                PrimaryEmail: `${emailName(name)}.${contactSequence}@example.com`,
              };
            }),
          },
        }),
        'POST contacts',
      );
      const { D } = sparkWriteSchema.parse(await created.json());
      (D.Results ?? []).forEach((result, index) => {
        const name = batch[index];
        if (name !== undefined) contactIds.set(name, result.ResourceUri.split('/').at(-1) ?? '');
      });
    }
    return contactIds;
  };
  const session: Session = {
    user,
    cookie,
    call,
    groups: (agentId) => readAll(`${agentId ? `/api/agents/${agentId}` : '/api'}/v1/portal/groups`),
    async deleteAllGroups() {
      for (const group of await session.groups()) {
        await expectOk(
          await call('DELETE', `/api/v1/portal/groups/${group.Id}`),
          `DELETE group ${group.Id}`,
        );
      }
    },
    async createContact(name) {
      const [id] = (await createContacts([name])).values();
      if (!id) throw new Error(`contact ${name} not created`);
      return id;
    },
    async contact(contactId) {
      const path = `/api/v1/contacts/${contactId}`;
      const response = await expectOk(await call('GET', path), `GET ${path}`);
      const [contact] = contactsAnswer.parse(await response.json()).D.Results;
      if (!contact) throw new Error(`contact ${contactId} not read`);
      return contact;
    },
    async setPortal(contactId, enabled) {
      await expectOk(
        await call('PUT', `/api/v1/contacts/${contactId}/portal`, { D: portalSettings(enabled) }),
        `PUT portal of ${contactId}`,
      );
    },
    async group(groupId) {
      const [group] = (await readGroups(`/api/v1/portal/groups/${groupId}`)).Results;
      if (!group) throw new Error(`group ${groupId} not read`);
      return group;
    },
    async createGroups(specs) {
      const contactIds = await createContacts(
        specs.flatMap((spec) => [spec.owner, ...(spec.members ?? [])]),
      );
      const groups: PortalGroup[] = [];
      for (const spec of specs) {
        const ownerId = contactIds.get(spec.owner) ?? '';
        const portal = await expectOk(
          await call('GET', `/api/v1/contacts/${ownerId}/portal`),
          'GET portal account',
        );
        const { D } = portalAnswer.parse(await portal.json());
        const groupId = D.Results[0]?.Id ?? '';
        const users = [
          ...[spec.owner, ...(spec.members ?? [])].map((name) => contactIds.get(name) ?? ''),
          ...(spec.memberIds ?? []),
        ].map((Id) => ({ Id }));
        await expectOk(
          await call('POST', `/api/v1/portal/groups/${groupId}`, { D: { Users: users } }),
          `POST group of ${spec.owner}`,
        );
        if (spec.favorite) {
          await expectOk(
            await call('PUT', `/api/v1/portal/groups/${groupId}`, { D: { Tags: ['Favorites'] } }),
            'PUT Favorites',
          );
        }
        const [group] = (await readGroups(`/api/v1/portal/groups/${groupId}`)).Results;
        if (!group) throw new Error(`group of ${spec.owner} not read back`);
        groups.push(group);
      }
      return groups;
    },
    async createGroup(spec) {
      const [group] = await session.createGroups([spec]);
      if (!group) throw new Error(`group of ${spec.owner} not created`);
      return group;
    },
    async replaceGroups(specs) {
      await session.deleteAllGroups();
      return session.createGroups(specs);
    },
  };
  return session;
}
