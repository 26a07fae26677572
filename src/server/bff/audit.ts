import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import {
  auditNameSchema,
  decodeAuditContext,
  type AuditEntry,
  type AuditKind,
  type AuditPerson,
} from '../../shared/audit.js';
import { auditKindOf, cartWriteOf, circleIdOf, shareWriteOf } from '../../shared/audit-words.js';
import { MAX_CONTACTS_PER_REQUEST } from '../../shared/contacts.js';
import { MAX_LISTINGS_PER_CART } from '../../shared/listing-carts.js';
import { FAVORITES_TAG, MAX_USERS_PER_REQUEST } from '../../shared/portal-groups.js';
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

// What the proxy reads of a write's body to describe it (Spark judges the body itself).
const usersBodySchema = z.object({
  D: z.object({ Users: z.array(z.object({ Id: z.string() })).max(MAX_USERS_PER_REQUEST) }),
});
/** A cart's listings to add; past the limit Spark refuses it, and the entry names none. */
const cartListingsBodySchema = z.object({
  D: z.object({ ListingIds: z.array(z.string()).max(MAX_LISTINGS_PER_CART) }),
});
const tagsBodySchema = z.object({
  D: z.object({ Tags: z.array(z.string()), Users: z.undefined().optional() }),
});
const enabledSchema = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((v) => v === 'true'),
]);
const portalBodySchema = z.object({
  D: z.union([
    z.object({ Settings: z.object({ Enabled: enabledSchema }) }),
    z.object({ Enabled: enabledSchema }),
  ]),
});
const newContactNameSchema = z.object({
  DisplayName: auditNameSchema.optional(),
  GivenName: z.string().optional(),
  FamilyName: z.string().optional(),
});
const contactsBodySchema = z.object({
  D: z.union([
    z.object({ Contacts: z.array(newContactNameSchema).max(MAX_CONTACTS_PER_REQUEST) }),
    newContactNameSchema.transform((contact) => ({ Contacts: [contact] })),
  ]),
});

const createdSchema = z.object({
  D: z.object({ Results: z.array(z.object({ ResourceUri: z.string() })) }),
});

function parsedBody<T extends z.ZodType>(schema: T, body: string): z.infer<T> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function contactName(contact: z.infer<typeof newContactNameSchema>): string | undefined {
  if (contact.DisplayName) return contact.DisplayName;
  const parsed = auditNameSchema.safeParse(
    [contact.GivenName, contact.FamilyName].filter(Boolean).join(' '),
  );
  return parsed.success ? parsed.data : undefined;
}

export interface WriteFacts {
  Kind: AuditKind;
  Undo?: true;
  CircleId?: string;
  CircleName?: string;
  People?: AuditPerson[];
  Cart?: string;
  FromCart?: string;
}

/**
 * What a write through the proxy was, in the entry's own fields: its kind (from the method, path,
 * status and body), the circle and the people it concerned, with the names the app showed for
 * those Ids (`X-Audit-Context`; a name for an Id the write does not concern is dropped).
 */
export function writeFacts(
  method: string,
  path: string,
  status: number,
  body: string,
  contextHeader: string | undefined,
  /** The answer's body (read only for a created contact, whose new Id it gives). */
  answer: () => string = () => '',
): WriteFacts {
  const context = decodeAuditContext(contextHeader);
  const names = context?.Names ?? {};
  const person = (Id: string): AuditPerson => (names[Id] ? { Id, Name: names[Id] } : { Id });
  let kind = auditKindOf(method, path, status);
  const facts: Omit<WriteFacts, 'Kind'> = context?.Undo ? { Undo: true } : {};

  const circleId = circleIdOf(path);
  if (circleId) {
    facts.CircleId = circleId;
    if (names[circleId]) facts.CircleName = names[circleId];
  }
  const ids = /^\/v1\/(?:portal\/groups\/\d+\/users|contacts)\/(\d+)/.exec(path);
  if (ids?.[1]) facts.People = [person(ids[1])];

  if (kind === 'members-add' || kind === 'circle-create') {
    const users = parsedBody(usersBodySchema, body)?.D.Users ?? [];
    if (users.length) facts.People = users.map(({ Id }) => person(Id));
  } else if (kind === 'circle-change') {
    const tags = parsedBody(tagsBodySchema, body)?.D.Tags;
    if (tags) kind = tags.includes(FAVORITES_TAG) ? 'favorites-add' : 'favorites-remove';
  } else if (kind === 'portal-change') {
    const portal = parsedBody(portalBodySchema, body)?.D;
    const enabled = portal && ('Settings' in portal ? portal.Settings.Enabled : portal.Enabled);
    if (enabled !== undefined) kind = enabled ? 'portal-on' : 'portal-off';
  } else if (kind === 'cart-add' || kind === 'cart-remove') {
    // The listings are the "people" of a cart write; the circle is the owner's, when named.
    const cart = cartWriteOf(path);
    const listingIds =
      kind === 'cart-remove'
        ? [cart?.listingId ?? '']
        : (parsedBody(cartListingsBodySchema, body)?.D.ListingIds ?? []);
    const listings = listingIds.filter(Boolean).map(person);
    if (listings.length) facts.People = listings;
    else delete facts.People;
    if (cart?.contactId && names[cart.contactId]) facts.CircleName = names[cart.contactId];
    if (cart && names[cart.cartId]) facts.Cart = names[cart.cartId];
    const from = context?.MovedFrom;
    if (kind === 'cart-add' && from && from !== cart?.cartId) {
      kind = 'cart-move';
      if (names[from]) facts.FromCart = names[from];
    }
  } else if (kind === 'contact-create') {
    // The names come from the body itself: what Spark was asked to create.
    const contacts = parsedBody(contactsBodySchema, body)?.D.Contacts ?? [];
    const created = status === 201 ? (parsedBody(createdSchema, answer())?.D.Results ?? []) : [];
    const people = contacts.map((contact, i) => {
      const Id = /(\d+)$/.exec(created[i]?.ResourceUri ?? '')?.[1] ?? '';
      const Name = contactName(contact);
      return Name ? { Id, Name } : { Id };
    });
    if (people.some((p) => p.Id || p.Name)) facts.People = people;
  }
  return { Kind: kind, ...facts };
}

const circlesSchema = z.object({
  D: z.object({
    Results: z.array(
      z.object({
        Id: z.string(),
        ContactId: z.string(),
        Users: z.array(z.object({ Id: z.string(), Name: z.string().optional() })).optional(),
      }),
    ),
  }),
});

/**
 * The circle whose carts or saved searches a write went to, asked of Spark with the writer's own
 * token: the one the owner's contact owns (an agent's write), or the consumer's current circle
 * (her own, "As Portal Group"). With its owner's name; undefined when Spark names none.
 */
export async function circleOfShareWrite(
  path: string,
  read: (pathAndQuery: string) => Promise<{ status: number; body: string }>,
): Promise<{ Id: string; Name?: string } | undefined> {
  const share = shareWriteOf(path);
  if (!share) return undefined;
  const query = share.contactId
    ? `/v1/portal/groups?_limit=1&_filter=${encodeURIComponent(`ContactId Eq '${share.contactId}'`)}`
    : '/v1/portal/groups/current';
  try {
    const response = await read(query);
    if (response.status !== 200) return undefined;
    const [circle] = circlesSchema.parse(JSON.parse(response.body)).D.Results;
    if (!circle) return undefined;
    const owner = circle.Users?.find((user) => user.Id === circle.ContactId)?.Name;
    return { Id: circle.Id, ...(owner ? { Name: owner } : {}) };
  } catch {
    // The entry is kept without its circle rather than not at all.
    return undefined;
  }
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
