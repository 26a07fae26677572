import type { Redis } from 'ioredis';
import { z } from 'zod';
import { auditEntrySchema, type AuditEntry } from '../../../shared/audit.js';
import { AUDIT_KEEP_PER_ACTOR, type AuditStore } from './audit-store.js';
import { StoreUnavailable } from './session-store.js';

/** A capped list per actor, newest first. */
const trailKey = (actorId: string) => `pga:audit:${actorId}`;

/** What MULTI LLEN, LRANGE answers (an answer of another shape: the store is unavailable). */
const pageAnswerSchema = z.tuple([z.number(), z.array(z.string())]);

const parse = (values: string[]): AuditEntry[] =>
  values.flatMap((value) => {
    const parsed = auditEntrySchema.safeParse(JSON.parse(value));
    return parsed.success ? [parsed.data] : [];
  });

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
    const key = trailKey(entry.ActorId);
    const results = await this.call(() =>
      this.redis
        .multi()
        .lpush(key, JSON.stringify(entry))
        .ltrim(key, 0, AUDIT_KEEP_PER_ACTOR - 1)
        .exec(),
    );
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw new StoreUnavailable('The audit entry was not kept');
  }

  async page(actorId: string, page: number, limit: number) {
    const key = trailKey(actorId);
    const start = (page - 1) * limit;
    const [total, values] = await this.call(async () => {
      const results = await this.redis
        .multi()
        .llen(key)
        .lrange(key, start, start + limit - 1)
        .exec();
      return pageAnswerSchema.parse([results?.[0]?.[1] ?? 0, results?.[1]?.[1] ?? []]);
    });
    return { total, entries: parse(values) };
  }

  async all(actorId: string): Promise<AuditEntry[]> {
    return parse(await this.call(() => this.redis.lrange(trailKey(actorId), 0, -1)));
  }
}
