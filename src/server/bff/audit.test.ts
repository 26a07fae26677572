import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { Redis } from 'ioredis';
import { AUDIT_CSV_COLUMNS, auditPageSchema, type AuditEntry } from '../../shared/audit.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { startRedis, type RedisServer } from '../testing/redis-server.js';
import { addAgent, signIn } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { SqliteSessionStore } from './store/sqlite-session-store.js';

const APP_HEADERS = { 'X-Requested-With': 'PortalGroupsAdmin' };
const { avery, jordan, assistant: riley, vow } = DEMO_ACCOUNTS;

type Store = 'SQLite' | 'Redis';

/** The rows of a CSV answer, after checking it starts with the UTF-8 byte order mark. */
async function csvRows(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
}

interface Group {
  Id: string;
  ContactId: string;
  Users: { Id: string }[];
}

describe.each<Store>(['SQLite', 'Redis'])('the audit trail (%s)', (store) => {
  let redis: RedisServer | undefined;
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    if (store === 'Redis') redis = await startRedis();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    server = await startTestServer(
      {
        LOG_LEVEL: 'error',
        ...(redis
          ? { REDIS_URL: redis.url, SESSION_SECRET: 'audit-test-session-secret-0123456789' }
          : {}),
      },
      undefined,
      { logger: { stream } },
    );
    while ((await fetch(`${server.url}/readyz`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 30_000);
  afterAll(async () => {
    await server?.dispose();
    await redis?.dispose();
  });

  const trail = async (cookie: string, query = '') => {
    const response = await fetch(`${server.url}/auth/audit${query}`, {
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(200);
    return auditPageSchema.parse(await response.json()).D;
  };

  const write = (cookie: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        ...APP_HEADERS,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  describe('an assistant’s writes', () => {
    let riley1: string;
    let entries: AuditEntry[];
    let removedMember: { group: string; user: string };
    let failedCode: number;
    let ownCode: number;

    beforeAll(async () => {
      riley1 = await signIn(server, 'Riley Park');
      await addAgent(server, riley1, 'Avery Stone');
      await addAgent(server, riley1, vow.name);
      await addAgent(server, riley1, 'Jordan Lee');

      const groups = (await (
        await fetch(`${server.url}/api/agents/${avery.id}/v1/portal/groups?_limit=25`, {
          headers: { Cookie: riley1 },
        })
      ).json()) as { D: { Results: Group[] } };
      const group = groups.D.Results.find((g) => g.Users.length >= 2);
      const member = group?.Users.find((u) => u.Id !== group.ContactId);
      if (!group || !member) throw new Error('no group with a member');
      removedMember = { group: group.Id, user: member.Id };
      const removed = await write(
        riley1,
        'DELETE',
        `/api/agents/${avery.id}/v1/portal/groups/${group.Id}/users/${member.Id}`,
      );
      expect(removed.status).toBe(200);

      const missing = await write(
        riley1,
        'DELETE',
        `/api/agents/${jordan.id}/v1/portal/groups/${'9'.repeat(26)}`,
      );
      expect(missing.ok).toBe(false);
      failedCode = ((await missing.json()) as { D: { Code: number } }).D.Code;

      const own = await write(riley1, 'POST', '/api/v1/contacts?access_token=secret-in-query', {
        D: {},
      });
      expect(own.status).toBe(400);
      ownCode = ((await own.json()) as { D: { Code: number } }).D.Code;

      // Reads are not recorded.
      await fetch(`${server.url}/api/v1/portal/groups`, { headers: { Cookie: riley1 } });
      expect(
        (
          await fetch(`${server.url}/auth/agents/${jordan.id}`, {
            method: 'DELETE',
            headers: { Cookie: riley1, ...APP_HEADERS },
          })
        ).status,
      ).toBe(204);
      entries = (await trail(riley1, '?_limit=200')).Results;
    });

    it('records who acted, for whom, what and how it went, newest first', () => {
      const actor = { ActorId: riley.id, ActorName: 'Riley Park' };
      expect(entries).toEqual([
        expect.objectContaining({
          ...actor,
          ForId: jordan.id,
          ForName: 'Jordan Lee',
          Method: 'DELETE',
          Path: `/auth/agents/${jordan.id}`,
          Action: 'Remove agent Jordan Lee',
          Status: 204,
          Outcome: 'Succeeded',
        }),
        expect.objectContaining({
          ...actor,
          ForId: riley.id,
          ForName: 'Riley Park',
          Method: 'POST',
          Path: '/v1/contacts',
          Action: 'Create contacts',
          Status: 400,
          Outcome: 'Failed',
          Code: ownCode,
        }),
        expect.objectContaining({
          ...actor,
          ForId: jordan.id,
          Method: 'DELETE',
          Path: `/v1/portal/groups/${'9'.repeat(26)}`,
          Action: `Delete group ${'9'.repeat(26)}`,
          Outcome: 'Failed',
          Code: failedCode,
        }),
        expect.objectContaining({
          ...actor,
          ForId: avery.id,
          ForName: 'Avery Stone',
          Method: 'DELETE',
          Path: `/v1/portal/groups/${removedMember.group}/users/${removedMember.user}`,
          Action: `Remove member ${removedMember.user} from group ${removedMember.group}`,
          Status: 200,
          Outcome: 'Succeeded',
        }),
        expect.objectContaining({
          ...actor,
          ForId: jordan.id,
          Action: 'Add agent Jordan Lee',
          Outcome: 'Succeeded',
        }),
        expect.objectContaining({
          ...actor,
          ForId: vow.id,
          ForName: vow.name,
          Action: `Add agent ${vow.name} (not-agent)`,
          Outcome: 'Failed',
        }),
        expect.objectContaining({
          ...actor,
          ForId: avery.id,
          Action: 'Add agent Avery Stone',
          Outcome: 'Succeeded',
        }),
      ]);
      for (const entry of entries) expect(Date.parse(entry.At)).not.toBeNaN();
      for (const entry of entries.filter((e) => e.Outcome === 'Succeeded')) {
        expect(entry.Code).toBeUndefined();
      }
      expect(JSON.stringify(entries)).not.toContain('secret-in-query');
      expect(new Set(entries.map((e) => e.Id)).size).toBe(entries.length);
    });

    it('shows each user only their own trail', async () => {
      const riley2 = await signIn(server, 'Riley Park');
      expect((await trail(riley2, '?_limit=200')).Results.map((e) => e.Id)).toEqual(
        entries.map((e) => e.Id),
      );
      // Avery, for whom Riley wrote, did not act: Avery's own trail is empty.
      const averys = await signIn(server, 'Avery Stone');
      expect(await trail(averys)).toEqual({
        Success: true,
        Results: [],
        Pagination: { TotalRows: 0, PageSize: 50, TotalPages: 0, CurrentPage: 1 },
      });
      expect((await fetch(`${server.url}/auth/audit`)).status).toBe(401);
      expect((await fetch(`${server.url}/auth/audit.csv`)).status).toBe(401);
    });

    it('pages newest first and refuses a bad page or limit', async () => {
      const first = await trail(riley1, '?_page=1&_limit=3');
      const third = await trail(riley1, '?_page=3&_limit=3');
      expect(first.Pagination).toEqual({
        TotalRows: entries.length,
        PageSize: 3,
        TotalPages: Math.ceil(entries.length / 3),
        CurrentPage: 1,
      });
      expect(first.Results.map((e) => e.Id)).toEqual(entries.slice(0, 3).map((e) => e.Id));
      expect(third.Results.map((e) => e.Id)).toEqual(entries.slice(6, 9).map((e) => e.Id));
      expect((await trail(riley1, '?_page=9&_limit=3')).Results).toEqual([]);
      for (const query of ['?_limit=0', '?_limit=201', '?_page=0', '?_page=x', '?_limit=2.5']) {
        const response = await fetch(`${server.url}/auth/audit${query}`, {
          headers: { Cookie: riley1 },
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          D: { Success: false, Code: 1053, Message: expect.any(String) },
        });
      }
    });

    it('exports the whole own trail as CSV', async () => {
      const response = await fetch(`${server.url}/auth/audit.csv`, { headers: { Cookie: riley1 } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const rows = await csvRows(response);
      expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
      expect(rows.slice(1)).toEqual(
        entries.map((entry) => AUDIT_CSV_COLUMNS.map((column) => String(entry[column] ?? ''))),
      );
    });
  });

  it('never lets a spreadsheet run a name as a formula', async () => {
    const names = [
      '=HYPERLINK("http://x.invalid","y")',
      '+1+1',
      '-2',
      '@SUM(1)',
      '\tTab, "Quoted"',
    ];
    const insert = server.db.prepare(
      `INSERT INTO accounts (id, name, user_type, role) VALUES (?, ?, 'Member', 'Private')`,
    );
    names.forEach((name, i) => insert.run(`2099020200000000000000000${i}`, name));
    const cookie = await signIn(server, 'Jordan Lee');
    for (const name of names) await addAgent(server, cookie, name);
    const rows = await csvRows(
      await fetch(`${server.url}/auth/audit.csv`, { headers: { Cookie: cookie } }),
    );
    const forName = AUDIT_CSV_COLUMNS.indexOf('ForName');
    expect(rows.slice(1).map((row) => row[forName])).toEqual(
      [...names].reverse().map((name) => `'${name}`),
    );
  });

  it('logs an entry it cannot keep as an error, and the write still succeeds', async () => {
    const cookie = await signIn(server, 'Riley Park');
    await addAgent(server, cookie, 'Avery Stone');
    if (redis) {
      const client = new Redis(redis.url);
      await client.del(`pga:audit:${riley.id}`);
      await client.set(`pga:audit:${riley.id}`, 'not a list');
      await client.quit();
    } else {
      if (!(server.sessions instanceof SqliteSessionStore)) throw new Error('not SQLite');
      server.sessions.db.exec('DROP TABLE audit_entries');
    }
    const groups = (await (
      await fetch(`${server.url}/api/agents/${avery.id}/v1/portal/groups?_limit=25`, {
        headers: { Cookie: cookie },
      })
    ).json()) as { D: { Results: Group[] } };
    const group = groups.D.Results.find((g) => g.Users.length >= 2);
    const member = group?.Users.find((u) => u.Id !== group.ContactId);
    const response = await write(
      cookie,
      'DELETE',
      `/api/agents/${avery.id}/v1/portal/groups/${group?.Id}/users/${member?.Id}`,
    );
    expect(response.status).toBe(200);
    const logged = logLines
      .map((line) => JSON.parse(line) as { msg?: string; audit?: AuditEntry })
      .find((line) => line.msg === 'audit entry could not be stored');
    expect(logged?.audit).toMatchObject({
      ActorId: riley.id,
      ForId: avery.id,
      Method: 'DELETE',
      Outcome: 'Succeeded',
    });
  });
});
