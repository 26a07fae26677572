import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit.js';
import { DEMO_ACCOUNTS } from '../../spark/demo-accounts.js';
import { runMigrations } from '../../sqlite-migrations.js';
import { startRedis } from '../../testing/redis-server.js';
import { RedisAuditStore } from './redis-audit-store.js';
import { openSessionsDatabase, sessionsMigrations } from './sessions-db.js';
import { SqliteAuditStore } from './sqlite-audit-store.js';

const { avery, assistant: riley } = DEMO_ACCOUNTS;

/** Two entries as an earlier version kept them: Riley's for Avery (older), Avery's own. */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const kept: AuditEntry[] = [
  {
    Id: 'riley-for-avery',
    At: minutesAgo(10),
    ActorId: riley.id,
    ActorName: riley.name,
    ForId: avery.id,
    ForName: avery.name,
    Method: 'DELETE',
    Path: '/v1/portal/groups/20240101000000000000000001',
    Action: 'Delete group 20240101000000000000000001',
    Status: 404,
    Outcome: 'Failed',
    Code: 1100,
  },
  {
    Id: 'avery-own',
    At: minutesAgo(5),
    ActorId: avery.id,
    ActorName: avery.name,
    ForId: avery.id,
    ForName: avery.name,
    Method: 'PUT',
    Path: '/v1/portal/groups/current',
    Action: 'Select the current group',
    Status: 200,
    Outcome: 'Succeeded',
  },
];

describe('the audit trail kept by an earlier version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pga-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read after the upgrade from SQLite: the actor’s, and the agent’s', async () => {
    const path = join(dir, 'sessions.db');
    const before = new Database(path);
    runMigrations(before, sessionsMigrations, 3);
    const insert = before.prepare(
      'INSERT INTO audit_entries (id, actor_id, entry) VALUES (?, ?, ?)',
    );
    for (const entry of kept) insert.run(entry.Id, entry.ActorId, JSON.stringify(entry));
    before.close();

    const db = openSessionsDatabase(path);
    const store = new SqliteAuditStore(db);
    expect(await store.all(riley.id)).toEqual([kept[0]]);
    expect(await store.all(avery.id)).toEqual([kept[1], kept[0]]);
    expect(await store.page(avery.id, 2, 1)).toEqual({ total: 2, entries: [kept[0]] });
    db.close();
  });

  it('is read after the upgrade from Redis: the actor’s, and the agent’s', async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url);
    try {
      // Newest first, one list per actor.
      await client.lpush(`pga:audit:${riley.id}`, JSON.stringify(kept[0]));
      await client.lpush(`pga:audit:${avery.id}`, JSON.stringify(kept[1]));
      const store = new RedisAuditStore(client);
      // The agent reads first: what Riley did for her is there too.
      expect(await store.all(avery.id)).toEqual([kept[1], kept[0]]);
      expect(await store.all(riley.id)).toEqual([kept[0]]);
      expect(await store.page(avery.id, 2, 1)).toEqual({ total: 2, entries: [kept[0]] });
      expect(await client.exists(`pga:audit:${riley.id}`, `pga:audit:${avery.id}`)).toBe(0);
    } finally {
      await client.quit();
      await redis.dispose();
    }
  });
});
