import type { Redis } from 'ioredis';
import { z } from 'zod';
import { auditEntrySchema, type AuditEntry } from '../../../shared/audit.js';
import {
  AUDIT_KEEP_REFUSED,
  AUDIT_KEEP_SUCCEEDED,
  AUDIT_REFUSED_PER_DAY,
  AUDIT_REFUSED_PER_HOUR,
  AUDIT_RETENTION_MS,
  dayOf,
  hourOf,
  refusedMoreEntry,
  type AuditStore,
} from './audit-store.js';
import { StoreUnavailable } from './session-store.js';

type Kind = 'ok' | 'refused';

/** A user's trail, one sorted set per kind; score: the entry's time (ms). */
const trailKey = (userId: string, kind: Kind) => `pga:audit:${userId}:${kind}`;
const SEQ_KEY = 'pga:audit:seq';

/**
 * A member is a 16-digit sequence number (equal times read in the order written) followed by
 * the entry's JSON, or by `#` and the key of a `refused-more` count (a hash: the first refused
 * write's entry, the count, the last one's time), which changes without moving the member.
 */
const SEQ_DIGITS = 16;

// KEYS: sequence, the actor's set, the agent's set (the same key when she wrote for herself),
// this hour's and today's refused count of the actor, the refused-more hash.
// ARGV: time (ms), entry JSON, refused (1/0), cutoff (ms), ceiling, per hour, per day,
// retention (ms), time (ISO).
const RECORD = `
local function place(member)
  for i, key in ipairs({KEYS[2], KEYS[3]}) do
    if i == 1 or KEYS[3] ~= KEYS[2] then
      redis.call('zadd', key, ARGV[1], member)
      redis.call('zremrangebyscore', key, '-inf', '(' .. ARGV[4])
      redis.call('zremrangebyrank', key, 0, -(tonumber(ARGV[5]) + 1))
      redis.call('pexpire', key, ARGV[8])
    end
  end
end
local function sequence()
  return string.format('%0${SEQ_DIGITS}d', redis.call('incr', KEYS[1]))
end
if ARGV[3] == '1' then
  local hour = tonumber(redis.call('get', KEYS[4]) or '0')
  local day = tonumber(redis.call('get', KEYS[5]) or '0')
  if hour >= tonumber(ARGV[6]) or day >= tonumber(ARGV[7]) then
    if redis.call('hincrby', KEYS[6], 'count', 1) == 1 then
      redis.call('hset', KEYS[6], 'first', ARGV[2])
      place(sequence() .. '#' .. KEYS[6])
    end
    redis.call('hset', KEYS[6], 'until', ARGV[9])
    redis.call('pexpire', KEYS[6], ARGV[8])
    return 0
  end
  redis.call('incr', KEYS[4])
  redis.call('pexpire', KEYS[4], 7200000)
  redis.call('incr', KEYS[5])
  redis.call('pexpire', KEYS[5], 172800000)
end
place(sequence() .. ARGV[2])
return 1`;

const membersSchema = z.array(z.string());
const refusedMoreSchema = z.object({
  first: z.string(),
  count: z.coerce.number().int().min(1),
  until: z.string(),
});

interface Member {
  member: string;
  score: number;
}

const newestFirst = (a: Member, b: Member) =>
  b.score - a.score || (b.member.slice(0, SEQ_DIGITS) < a.member.slice(0, SEQ_DIGITS) ? -1 : 1);

function withScores(values: unknown): Member[] {
  const flat = membersSchema.parse(values);
  const members: Member[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    members.push({ member: flat[i] ?? '', score: Number(flat[i + 1]) });
  }
  return members;
}

function parseEntry(json: string): AuditEntry | undefined {
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The audit trail in Redis, shared by every instance. */
export class RedisAuditStore implements AuditStore {
  constructor(private readonly redis: Redis) {}

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StoreUnavailable('The audit store is unavailable', { cause: error });
    }
  }

  async record(entry: AuditEntry): Promise<void> {
    const at = Date.parse(entry.At);
    const refused = entry.Outcome === 'Failed';
    const kind: Kind = refused ? 'refused' : 'ok';
    const day = dayOf(at);
    await this.call(() =>
      this.redis.eval(
        RECORD,
        6,
        SEQ_KEY,
        trailKey(entry.ActorId, kind),
        trailKey(entry.ForId, kind),
        `pga:audit:refused:${entry.ActorId}:h${hourOf(at)}`,
        `pga:audit:refused:${entry.ActorId}:d${day}`,
        `pga:audit:refused-more:${day}:${entry.ActorId}:${entry.ForId}`,
        at,
        JSON.stringify(entry),
        refused ? 1 : 0,
        Date.now() - AUDIT_RETENTION_MS,
        refused ? AUDIT_KEEP_REFUSED : AUDIT_KEEP_SUCCEEDED,
        AUDIT_REFUSED_PER_HOUR,
        AUDIT_REFUSED_PER_DAY,
        AUDIT_RETENTION_MS,
        entry.At,
      ),
    );
  }

  /** Whether this instance has moved the trails of versions before 2026-12 into the sets. */
  private upgraded: Promise<void> | undefined;

  /**
   * Moves every trail kept by an older version (a list per actor) into the sets, once per
   * instance before its first read: an agent then reads what was done for her before too.
   */
  private upgrade(): Promise<void> {
    this.upgraded ??= this.upgradeAll().catch((error: unknown) => {
      this.upgraded = undefined;
      throw error;
    });
    return this.upgraded;
  }

  private async upgradeAll(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', 'pga:audit:*', 'TYPE', 'list');
      cursor = next;
      for (const key of keys) await this.upgradeList(key);
    } while (cursor !== '0');
  }

  private async upgradeList(key: string): Promise<void> {
    const values = membersSchema.parse(await this.redis.lrange(key, 0, -1));
    const multi = this.redis.multi();
    values.forEach((value, i) => {
      const entry = parseEntry(value);
      if (!entry) return;
      // The same member whoever upgrades, so two instances doing it at once add it once.
      const member = String(values.length - i).padStart(SEQ_DIGITS, '0') + value;
      const kind: Kind = entry.Outcome === 'Failed' ? 'refused' : 'ok';
      const score = Date.parse(entry.At);
      multi.zadd(trailKey(entry.ActorId, kind), score, member);
      if (entry.ForId !== entry.ActorId) multi.zadd(trailKey(entry.ForId, kind), score, member);
    });
    multi.del(key);
    await multi.exec();
  }

  /** The newest `count` members of a user's trail (all of them without `count`). */
  private async newest(
    userId: string,
    count?: number,
  ): Promise<{ total: number; members: Member[] }> {
    await this.upgrade();
    const cutoff = `(${Date.now() - AUDIT_RETENTION_MS}`;
    const stop = count === undefined ? -1 : count - 1;
    const multi = this.redis.multi();
    for (const kind of ['ok', 'refused'] as const) {
      multi
        .zremrangebyscore(trailKey(userId, kind), '-inf', cutoff)
        .zcard(trailKey(userId, kind))
        .zrevrange(trailKey(userId, kind), 0, stop, 'WITHSCORES');
    }
    const results = await multi.exec();
    if (!results || results.some(([error]) => error)) throw new Error('MULTI failed');
    const total = z.number().parse(results[1]?.[1]) + z.number().parse(results[4]?.[1]);
    const members = [...withScores(results[2]?.[1]), ...withScores(results[5]?.[1])];
    members.sort(newestFirst);
    return { total, members: count === undefined ? members : members.slice(0, count) };
  }

  private async entries(members: Member[]): Promise<AuditEntry[]> {
    const counted = members
      .map(({ member }) => member.slice(SEQ_DIGITS))
      .filter((rest) => rest.startsWith('#'));
    const multi = this.redis.multi();
    for (const rest of counted) multi.hgetall(rest.slice(1));
    const results = counted.length ? ((await multi.exec()) ?? []) : [];
    const counts = new Map(counted.map((rest, i) => [rest, results[i]?.[1]]));
    return members.flatMap(({ member }) => {
      const rest = member.slice(SEQ_DIGITS);
      if (!rest.startsWith('#')) return parseEntry(rest) ?? [];
      const count = refusedMoreSchema.safeParse(counts.get(rest));
      const first = count.success ? parseEntry(count.data.first) : undefined;
      return first && count.success
        ? [refusedMoreEntry(first, count.data.count, count.data.until)]
        : [];
    });
  }

  async page(userId: string, page: number, limit: number) {
    return this.call(async () => {
      const { total, members } = await this.newest(userId, page * limit);
      return { total, entries: await this.entries(members.slice((page - 1) * limit)) };
    });
  }

  async all(userId: string): Promise<AuditEntry[]> {
    return this.call(async () => this.entries((await this.newest(userId)).members));
  }
}
