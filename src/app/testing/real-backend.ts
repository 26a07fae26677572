import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { http, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { sessionUserSchema, type SessionUser } from '../../shared/account.js';
import {
  contactReadSchema,
  portalAccountReadSchema,
  portalSettings,
  type Contact,
} from '../../shared/contacts.js';
import { sparkResultsSchema, sparkWriteSchema } from '../../shared/envelope.js';
import { portalGroupReadSchema, type PortalGroup } from '../../shared/portal-groups.js';
import { buildServer, type Server } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { sparkTimestamp } from '../../server/spark/store/timestamps.js';
import { addAgent, cookieSetBy, signIn, type Fetch } from '../../server/testing/sign-in.js';

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

type Method = 'get' | 'post' | 'put' | 'delete' | 'all';

/** `eachTest`: a new server on a new database for every test, not one for the whole file. */
export interface RealBackendOptions {
  eachTest?: boolean;
}

interface RouteOptions {
  /** Runs before the real server is asked, e.g. to record the request or hold it. */
  before?: (request: Request) => unknown;
  /** Changes the real answer before the app gets it (e.g. one header). */
  edit?: (response: Response, request: Request) => Response | Promise<Response>;
}

export interface RealBackend {
  /** The server as built (its Fastify app and the emulator's database). */
  server(): Server;
  /** The MSW server that forwards the app's `/api` and `/auth` requests to it. */
  msw: ReturnType<typeof setupServer>;
  /** Signs in through the real flow (login, authorize page, callback) as a demo user. */
  signIn(name: DemoUser): Promise<Session>;
  /** Adds an agent to a session through the real "Add an agent" flow. */
  addAgent(session: Session, name: DemoUser): Promise<void>;
  /**
   * Records a consumer's portal sign-in at `at` in the emulator's store: only the consumer's own
   * sign-in does that, and no demo user on the authorize page is a new contact.
   */
  portalSignIn(contactId: string, at?: Date): void;
  /**
   * Removes a contact's portal account from the emulator's store, as Spark's back office can: the
   * API gives every contact it creates one and removes none.
   */
  removePortalAccount(contactId: string): void;
  /** The session the app's requests carry from now on (none: a signed-out browser). */
  browseAs(session: Session | null): void;
  /** The real answer to a request the app made, as the session browsed as. */
  answer(request: Request): Promise<Response>;
  /** A handler for `path` that answers as the real server does, with `before` and `edit`. */
  route(method: Method, path: string, options?: RouteOptions): HttpHandler;
}

/** The address jsdom gives the page: the server's public URL, so cookies and origins match. */
const ORIGIN = 'http://localhost:3000';

function headersOf(raw: Record<string, string | string[] | number | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  return headers;
}

async function inject(
  app: FastifyInstance,
  url: URL,
  method: string,
  headers: Headers,
  body: ArrayBuffer | string | undefined,
): Promise<Response> {
  const answer = await app.inject({
    method: method.toUpperCase() as InjectOptions['method'],
    url: `${url.pathname}${url.search}`,
    headers: Object.fromEntries(headers),
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : Buffer.from(body) }),
  });
  const empty = answer.rawPayload.length === 0 || [204, 304].includes(answer.statusCode);
  return new Response(empty ? null : new Uint8Array(answer.rawPayload), {
    status: answer.statusCode,
    headers: headersOf(answer.headers),
  });
}

/** `fetch` for the sign-in flow, answered in-process: redirects are never followed. */
function injectFetch(app: FastifyInstance): Fetch {
  return async (input, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    return inject(
      app,
      new URL(input, ORIGIN),
      init.method ?? 'GET',
      new Headers(init.headers),
      body,
    );
  };
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

function makeSession(app: () => FastifyInstance, user: SessionUser, cookie: string): Session {
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

/**
 * The real server (sign-in server and embedded Spark emulator, seeded with the demo data) built
 * in-process for this test file (or for each test, with `eachTest`), on a SQLite file in a fresh
 * temporary folder. The app's `/api` and `/auth` requests are handed to it (`app.inject`) as the
 * session `browseAs` chose, and its answers reach the app unchanged: status, headers and body.
 * Handlers a test adds with `msw.use(...)` come first; one that answers nothing lets the request
 * through to the server.
 */
export function setupRealBackend(options: RealBackendOptions = {}): RealBackend {
  let built: Server | undefined;
  let dir: string | undefined;
  let browsing: Session | null = null;
  const server = () => {
    if (!built) throw new Error('The real backend is built before each test file (or test)');
    return built;
  };
  const app = () => server().app;

  const answer = async (request: Request) => {
    const headers = new Headers(request.headers);
    headers.delete('cookie');
    if (browsing) headers.set('Cookie', browsing.cookie);
    const body = ['GET', 'HEAD'].includes(request.method)
      ? undefined
      : await request.clone().arrayBuffer();
    const response = await inject(app(), new URL(request.url), request.method, headers, body);
    // The browser's cookie jar: a cleared session cookie signs the browser out.
    if (browsing && cookieSetBy(response) === 'pga_session=') browsing = null;
    return response;
  };

  const route = (method: Method, path: string, options: RouteOptions = {}) =>
    http[method](path, async ({ request }) => {
      await options.before?.(request);
      const response = await answer(request);
      return options.edit ? options.edit(response, request) : response;
    });

  const msw = setupServer(route('all', '/api/*'), route('all', '/auth/*'));

  const start = async () => {
    dir = mkdtempSync(join(tmpdir(), 'pga-app-test-'));
    const config = loadConfig({
      PUBLIC_URL: ORIGIN,
      DATABASE_PATH: join(dir, 'spark.db'),
      SIGN_IN_RATE_LIMIT: '100000',
      // The emulator checks every answer against its schema before sending it.
      SPARK_CHECK_ANSWERS: '1',
      LOG_LEVEL: 'silent',
    });
    built = await buildServer(config, { staticRoot: join(dir, 'no-static') });
    await built.app.ready();
  };
  const stop = async () => {
    await built?.app.close();
    built = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };

  beforeAll(async () => {
    if (!options.eachTest) await start();
    msw.listen({ onUnhandledRequest: 'error' });
  });
  // The previous test's server closes only now, after its page was unmounted.
  if (options.eachTest) {
    beforeEach(async () => {
      await stop();
      await start();
    });
  }
  afterEach(() => {
    msw.resetHandlers();
    browsing = null;
  });
  afterAll(async () => {
    msw.close();
    await stop();
  });

  const send = () => injectFetch(app());
  return {
    server,
    msw,
    async signIn(name) {
      const cookie = await signIn({ url: ORIGIN }, name, '/groups', send());
      const who = await inject(
        app(),
        new URL('/auth/session', ORIGIN),
        'GET',
        new Headers({ Cookie: cookie }),
        undefined,
      );
      return makeSession(app, sessionUserSchema.parse(await who.json()), cookie);
    },
    async addAgent(session, name) {
      const back = await addAgent({ url: ORIGIN }, session.cookie, name, '/groups', send());
      if (!back.searchParams.has('agent')) throw new Error(`agent not added: ${back.toString()}`);
    },
    portalSignIn(contactId, at = new Date()) {
      const changed = server()
        .db.prepare(
          'UPDATE portal_accounts SET last_login = ?, last_active = ? WHERE contact_id = ?',
        )
        .run(sparkTimestamp(at), sparkTimestamp(at), contactId);
      if (changed.changes !== 1) throw new Error(`no portal account for contact ${contactId}`);
    },
    removePortalAccount(contactId) {
      const removed = server()
        .db.prepare('DELETE FROM portal_accounts WHERE contact_id = ?')
        .run(contactId);
      if (removed.changes !== 1) throw new Error(`no portal account for contact ${contactId}`);
    },
    browseAs(session) {
      browsing = session;
    },
    answer,
    route,
  };
}
