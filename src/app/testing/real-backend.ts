import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { sessionUserSchema } from '../../shared/account.js';
import { buildServer, type Server } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { sparkTimestamp } from '../../server/spark/store/timestamps.js';
import { addAgent, cookieSetBy, signIn } from '../../server/testing/sign-in.js';

import { inject, injectFetch, ORIGIN } from './in-process-fetch.js';
import { makeSession, type DemoUser, type GroupSpec, type Session } from './backend-session.js';

export type { DemoUser, GroupSpec, Session };

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
