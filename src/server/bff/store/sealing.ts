import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Values remembered per schema by `openAs`; past this many the least recently used go first. */
const MAX_REMEMBERED = 2_000;

/**
 * AES-256-GCM for what the sign-in server keeps at rest (tokens, user, OAuth state), keyed from
 * the session secret by HKDF. The record's id is the associated data, so a sealed value cannot
 * be moved to another record. A value sealed under another secret opens as `null`.
 */
export class Sealer {
  private readonly key: Buffer;
  /** Boxed: a schema may parse to any value, and the cache holds no undefined. */
  private readonly remembered = new WeakMap<z.ZodType, LRUCache<string, { value: unknown }>>();

  constructor(secret: string) {
    this.key = Buffer.from(
      hkdfSync('sha256', secret, 'portal-groups-admin', 'sign-in store at rest v1', 32),
    );
  }

  seal(value: unknown, id: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(id));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open(sealed: string, id: string): unknown {
    if (!sealed.startsWith(`${VERSION}.`)) return null;
    const bytes = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES))
        .setAAD(Buffer.from(id))
        .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const value: unknown = JSON.parse(text);
      return value;
    } catch {
      return null;
    }
  }

  /**
   * `open`, then `schema` (null when either refuses). A record's sealed text always opens to the
   * same value, so each is decrypted and checked once and remembered: a session read on every
   * request costs a lookup. The store's row stays the truth (new text, new lookup). The value is
   * shared: treat it as read-only.
   */
  openAs<T>(schema: z.ZodType<T>, sealed: string, id: string): T | null {
    let values = this.remembered.get(schema);
    if (!values) {
      values = new LRUCache({ max: MAX_REMEMBERED });
      this.remembered.set(schema, values);
    }
    const key = `${id}\u0000${sealed}`;
    const hit = values.get(key);
    // Needed: the cache kept for `schema` holds only values `schema` parsed, which are T.
    if (hit) return hit.value as T;
    const parsed = schema.safeParse(this.open(sealed, id));
    if (!parsed.success) return null;
    values.set(key, { value: parsed.data });
    return parsed.data;
  }
}
