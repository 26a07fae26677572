import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AuditEntry } from '../../shared/audit.js';
import type { SessionUser } from '../../shared/account.js';
import { SPARK_ID_SOURCE } from '../../shared/envelope.js';
import type { AuditStore } from './store/audit-store.js';
import { RedisAuditStore } from './store/redis-audit-store.js';
import { RedisSessionStore } from './store/redis-session-store.js';
import type { SessionStore } from './store/session-store.js';
import { SqliteAuditStore } from './store/sqlite-audit-store.js';
import { SqliteSessionStore } from './store/sqlite-session-store.js';

/** The methods whose requests through the proxy are recorded. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The audit trail lives where the sessions do: the same SQLite file, or the same Redis. */
export function auditStoreFor(sessions: SessionStore): AuditStore {
  if (sessions instanceof RedisSessionStore) return new RedisAuditStore(sessions.redis);
  if (sessions instanceof SqliteSessionStore) return new SqliteAuditStore(sessions.db);
  throw new Error('No audit store for this session store');
}

const ID = `(${SPARK_ID_SOURCE})`;
const ACTIONS: [method: string, path: RegExp, action: (...ids: string[]) => string][] = [
  ['PUT', /^\/v1\/portal\/groups\/current$/, () => 'Select the current group'],
  ['DELETE', /^\/v1\/portal\/groups\/current$/, () => 'Deselect the current group'],
  ['POST', new RegExp(`^/v1/portal/groups/${ID}$`), (g) => `Add members to group ${g}`],
  ['PUT', new RegExp(`^/v1/portal/groups/${ID}$`), (g) => `Change group ${g}`],
  ['DELETE', new RegExp(`^/v1/portal/groups/${ID}$`), (g) => `Delete group ${g}`],
  [
    'DELETE',
    new RegExp(`^/v1/portal/groups/${ID}/users/${ID}$`),
    (g, u) => `Remove member ${u} from group ${g}`,
  ],
  ['POST', /^\/v1\/contacts$/, () => 'Create contacts'],
  ['PUT', new RegExp(`^/v1/contacts/${ID}$`), (c) => `Change contact ${c}`],
  ['DELETE', new RegExp(`^/v1/contacts/${ID}$`), (c) => `Delete contact ${c}`],
  ['POST', new RegExp(`^/v1/contacts/${ID}/portal$`), (c) => `Create portal account of ${c}`],
  ['PUT', new RegExp(`^/v1/contacts/${ID}/portal$`), (c) => `Change portal account of ${c}`],
  ...cartActions(`^/v1/contacts/${ID}`, (c) => ` of contact ${c}`),
  ...cartActions('^/v1()', () => ''),
];

/**
 * A circle's carts and saved searches: through the owner's contact (an agent, an assistant), or
 * the caller's own (a consumer "As Portal Group"). `owner` says whose, from the prefix's Id.
 */
function cartActions(
  prefix: string,
  owner: (id: string) => string,
): [string, RegExp, (...ids: string[]) => string][] {
  const at = (rest: string) => new RegExp(`${prefix}${rest}$`);
  return [
    ['POST', at('/listingcarts'), (o = '') => `Create a listing cart${owner(o)}`],
    [
      'POST',
      at('/listingcarts/portal/(favorites|rejects)'),
      (o = '', cart = '') =>
        `Add listings to the ${cart === 'rejects' ? 'Rejects' : 'Favorites'}${owner(o)}`,
    ],
    [
      'DELETE',
      at('/listingcarts/portal/(favorites|rejects)'),
      (o = '', cart = '') =>
        `Remove listings from the ${cart === 'rejects' ? 'Rejects' : 'Favorites'}${owner(o)}`,
    ],
    ['POST', at(`/listingcarts/${ID}`), (o = '', c = '') => `Add listings to cart ${c}${owner(o)}`],
    ['PUT', at(`/listingcarts/${ID}`), (o = '', c = '') => `Change cart ${c}${owner(o)}`],
    ['DELETE', at(`/listingcarts/${ID}`), (o = '', c = '') => `Delete cart ${c}${owner(o)}`],
    [
      'DELETE',
      at(`/listingcarts/${ID}/listings/${ID}`),
      (o = '', c = '', l = '') => `Remove listing ${l} from cart ${c}${owner(o)}`,
    ],
    ['POST', at('/savedsearches'), (o = '') => `Create a saved search${owner(o)}`],
    ['PUT', at(`/savedsearches/${ID}`), (o = '', s = '') => `Change saved search ${s}${owner(o)}`],
    [
      'DELETE',
      at(`/savedsearches/${ID}`),
      (o = '', s = '') => `Delete saved search ${s}${owner(o)}`,
    ],
  ];
}

/** Short words for a write to the Spark API: what the user did, else the method and path. */
export function actionOf(method: string, path: string): string {
  for (const [m, pattern, action] of ACTIONS) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return action(...match.slice(1));
  }
  return `${method} ${path}`;
}

export type AuditFacts = Omit<
  AuditEntry,
  'Id' | 'At' | 'ActorId' | 'ActorName' | 'ForId' | 'ForName'
> & {
  actor: Pick<SessionUser, 'Id' | 'Name'>;
  for: Pick<SessionUser, 'Id' | 'Name'>;
};

/**
 * Records one entry. The user's write has already happened at Spark, so an entry the store
 * cannot keep fails nothing: it is logged as an error, in full, and so not lost.
 */
export async function recordAudit(
  store: AuditStore,
  log: FastifyBaseLogger,
  { actor, for: target, ...facts }: AuditFacts,
): Promise<void> {
  const entry: AuditEntry = {
    Id: randomUUID(),
    At: new Date().toISOString(),
    ActorId: actor.Id,
    ActorName: actor.Name,
    ForId: target.Id,
    ForName: target.Name,
    ...facts,
  };
  try {
    await store.record(entry);
  } catch (error) {
    log.error({ err: error, audit: entry }, 'audit entry could not be stored');
  }
}
