import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { startChildServer, stopChildServer, type ChildServer } from './child-server.js';
import {
  directClient,
  RequestLog,
  runPool,
  STRESS_SCALE,
  type StormClient,
} from './storm-client.js';
import { createContact, createGroup, memberIds, readGroup } from './storm-fixtures.js';
import { expectationsOf, runWriteStorm } from './write-storm.js';

const TIMEOUT = 90_000 * STRESS_SCALE;
const dir = mkdtempSync(join(tmpdir(), 'pga-crash-'));
const secretDir = mkdtempSync(join(tmpdir(), 'pga-crash-secret-'));
const databasePath = join(dir, 'spark.db');
const servers: ChildServer[] = [];

/** The file as SQLite sees it with no server attached: integrity and foreign keys. */
function checkFile(): { integrity: string; foreignKeyViolations: number } {
  const db = new Database(databasePath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity, foreignKeyViolations };
  } finally {
    db.close();
  }
}

async function groupCount(client: StormClient): Promise<number> {
  const counted = await client.call('GET', '/v1/portal/groups?_pagination=count');
  return (counted.json as { D: { Pagination: { TotalRows: number } } }).D.Pagination.TotalRows;
}

async function start(where = dir): Promise<ChildServer> {
  const server = await startChildServer(where);
  servers.push(server);
  return server;
}

afterAll(async () => {
  for (const server of servers) server.signalGroup('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  for (const folder of [dir, secretDir]) rmSync(folder, { recursive: true, force: true });
});

// The store runs WAL with synchronous=NORMAL: a commit is in the WAL file (the OS's page cache)
// before the answer is sent, so it survives the process dying; only power loss could cost the
// last commits, and SIGKILL tests the former.
describe('a server killed in the middle of a write storm', () => {
  it(
    'keeps every acknowledged write and an intact database after SIGKILL and restart',
    async () => {
      const first = await start();
      const setup = directClient(first.url, DEMO_ACCOUNTS.avery.token, new RequestLog(), 'setup');
      const sharedGroups = await runPool(
        [0, 1, 2].map((i) => async () => {
          const owner = await createContact(setup, `CrashShared${i}`);
          await createGroup(setup, owner);
          return owner;
        }),
        3,
      );

      const groupsBefore = await groupCount(setup);
      const log = new RequestLog();
      const killAfterAcks = 300 * STRESS_SCALE;
      const storm = await runWriteStorm({
        client: directClient(first.url, DEMO_ACCOUNTS.avery.token, log, 'storm'),
        sharedGroups,
        workers: 12,
        killAfterAcks,
        kill: () => first.signalGroup('SIGKILL'),
      });
      const exit = await first.exited;
      expect(exit.signal).toBe('SIGKILL');
      expect(storm.inFlightAtKill).toBeGreaterThan(0);
      expect(log.serverErrors).toEqual([]);
      expect(storm.ops.filter((o) => o.outcome === 'refused')).toEqual([]);
      const acknowledged = storm.ops.filter((o) => o.outcome === 'acked').length;
      expect(acknowledged).toBeGreaterThanOrEqual(killAfterAcks);

      expect(checkFile()).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });

      const second = await start();
      const reader = directClient(second.url, DEMO_ACCOUNTS.avery.token, new RequestLog(), 'check');
      const expected = expectationsOf(storm.ops);

      const contactStatuses = await runPool(
        expected.contacts.map(
          (id) => async () => (await reader.call('GET', `/v1/contacts/${id}`)).status,
        ),
        16,
      );
      const contactsFound = contactStatuses.filter((s) => s === 200).length;
      expect(contactsFound).toBe(expected.contacts.length);

      let membershipsChecked = 0;
      let membershipsKept = 0;
      const groupIds = [
        ...new Set([
          ...sharedGroups.map((g) => g.portalId),
          ...expected.groups,
          ...expected.members.keys(),
        ]),
      ];
      for (const groupId of groupIds) {
        const group = await readGroup(reader, groupId);
        expect(group, `group ${groupId}`).toBeDefined();
        const ids = memberIds(group);
        expect(new Set(ids).size).toBe(ids.length);
        const { present, absent } = expected.members.get(groupId) ?? {
          present: new Set<string>(),
          absent: new Set<string>(),
        };
        for (const id of present) {
          membershipsChecked++;
          if (ids.includes(id)) membershipsKept++;
        }
        for (const id of absent) {
          membershipsChecked++;
          if (!ids.includes(id)) membershipsKept++;
        }
        const tags = expected.tags.get(groupId);
        if (tags) expect(group?.Tags, `tags of ${groupId}`).toEqual(tags);
      }
      expect(membershipsKept).toBe(membershipsChecked);

      const totalGroups = await groupCount(reader);
      const unknownCreations = storm.ops.filter(
        (o) => o.kind === 'create-group' && o.outcome === 'unknown',
      ).length;
      const createdBefore = groupsBefore + expected.groups.length;
      expect(totalGroups).toBeGreaterThanOrEqual(createdBefore);
      expect(totalGroups).toBeLessThanOrEqual(createdBefore + unknownCreations);

      await stopChildServer(second);
      expect(checkFile()).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });

      console.log(
        `[crash] ${storm.ops.length} writes tried, ${acknowledged} acknowledged, ` +
          `${log.serverErrors.length} 5xx, ${storm.inFlightAtKill} in flight at SIGKILL, ` +
          `${expected.undetermined} unanswered; after restart: ` +
          `${contactsFound}/${expected.contacts.length} acknowledged contacts found, ` +
          `${membershipsKept}/${membershipsChecked} acknowledged memberships as written, ` +
          `${expected.tags.size} tag states as written, integrity_check ok`,
      );
    },
    TIMEOUT,
  );

  it(
    'does not sign sessions with an empty secret left by a crash during the first start',
    async () => {
      // What a kill between creating and writing the session-secret file leaves behind.
      const secretFile = join(secretDir, 'session-secret');
      writeFileSync(secretFile, '');
      const server = await start(secretDir);
      const login = await fetch(`${server.url}/auth/login?returnTo=%2Fgroups`, {
        redirect: 'manual',
      });
      expect(login.status).toBe(302);
      const cookie = login.headers
        .getSetCookie()
        .find((c) => c.startsWith('pga_signin='))
        ?.split(';')[0]
        ?.slice('pga_signin='.length);
      const [value, signature] = decodeURIComponent(cookie ?? '').split('.');
      const emptyKeySignature = createHmac('sha256', '')
        .update(value ?? '')
        .digest('base64')
        .replace(/=/g, '');
      expect(signature).toBeTruthy();
      expect(signature).not.toBe(emptyKeySignature);
      expect(readFileSync(secretFile, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
      await stopChildServer(server);
      console.log('[crash] empty session-secret after a crash: replaced by a fresh secret');
    },
    TIMEOUT,
  );
});
