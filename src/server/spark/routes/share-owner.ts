import { z } from 'zod';
import { SparkCode } from '../../../shared/spark-codes.js';
import { isConsumer, roleForbidden, type Caller } from '../auth.js';
import { notFound, SparkError } from '../errors.js';
import { findContact, findPortalAccount } from '../store/contacts.js';
import { currentGroupId } from '../store/current-groups.js';
import type { Db } from '../store/db.js';
import { findGroup } from '../store/portal-group-reads.js';
import { statement } from '../store/statements.js';

/**
 * Whose carts and saved searches a request reads and writes (spec §8): a portal account (a
 * consumer's, whose carts its circle shares) or an agent's own account.
 */
export interface ShareOwner {
  ownerId: string;
  /** The contact whose portal account owns them; null for an agent's own. */
  contactId: string | null;
  /** Where the records live: `/v1/listingcarts`, or `/v1/contacts/<Id>/listingcarts` and so on. */
  base: string;
}

export const groupNoLongerValid = () =>
  new SparkError(
    400,
    SparkCode.PortalGroupInvalid,
    'Your current portal group is no longer valid: select another one (PUT /v1/portal/groups/current) or none (DELETE).',
  );

function contactOfPortal(db: Db, portalAccountId: string): string | null {
  return (
    statement<{ contact_id: string }>(
      db,
      'SELECT contact_id FROM portal_accounts WHERE id = ?',
    ).get(portalAccountId)?.contact_id ?? null
  );
}

/**
 * "As Portal Group": a consumer reads and writes the data of their current group's owner, or
 * their own with no group current; a current group that is gone, or that they left, is 1025.
 */
export function consumerOwner(db: Db, caller: Caller, service: string): ShareOwner {
  const own = caller.portalAccountId ?? '';
  const current = currentGroupId(db, caller.accountId);
  if (current === undefined) {
    return { ownerId: own, contactId: contactOfPortal(db, own), base: `/v1/${service}` };
  }
  const group = findGroup(db, { memberPortalAccountId: own }, current);
  if (!group) throw groupNoLongerValid();
  return { ownerId: group.id, contactId: group.contact_id, base: `/v1/${service}` };
}

/** `/v1/<service>`: an agent's own, a consumer's as portal group; IDX and Public: 403/1500. */
export function callerOwner(db: Db, caller: Caller, service: string): ShareOwner {
  if (isConsumer(caller)) return consumerOwner(db, caller, service);
  if (caller.role !== 'Private') throw roleForbidden();
  return { ownerId: caller.accountId, contactId: null, base: `/v1/${service}` };
}

export const noPortalAccount = () =>
  new SparkError(
    400,
    SparkCode.NoPortalAccount,
    'This contact has no portal account: create one first (POST /v1/contacts/<Id>/portal).',
  );

/**
 * `/v1/contacts/<Id>/<service>`: Private only, one of the agent's own contacts (404 otherwise),
 * whose portal account owns them (400/1100 without one).
 */
export function contactOwner(
  db: Db,
  caller: Caller,
  contactId: string,
  service: string,
): ShareOwner {
  if (caller.role !== 'Private') throw roleForbidden();
  const contact = findContact(db, caller.accountId, contactId);
  if (!contact) throw notFound('Contact');
  const portal = findPortalAccount(db, contact.id);
  if (!portal) throw noPortalAccount();
  return {
    ownerId: portal.id,
    contactId: contact.id,
    base: `/v1/contacts/${contact.id}/${service}`,
  };
}

/** The owners whose records an agent may name (their own and their contacts'), as SQL. */
export const AGENT_OWNERS = `(? , (SELECT pa.id FROM portal_accounts pa
  JOIN contacts ct ON ct.id = pa.contact_id WHERE ct.agent_id = ?))`;

/** A consumer's activity in the portal: LastActive moves to this hour (Spark keeps it so). */
export function markActive(db: Db, caller: Caller, now = Date.now()): void {
  if (!isConsumer(caller) || !caller.portalAccountId) return;
  const hour = new Date(Math.floor(now / 3_600_000) * 3_600_000).toISOString().slice(0, 19) + 'Z';
  statement(
    db,
    'UPDATE portal_accounts SET last_active = ? WHERE id = ? AND (last_active IS NULL OR last_active < ?)',
  ).run(hour, caller.portalAccountId, hour);
}

/** The path parameters every route of a share form has: a contact's Id, in the contact form. */
export type FormParams = { contactId?: string };

/** One of the two forms of a share's URIs: the caller's `/v1/<service>`, or a contact's. */
export interface ShareForm {
  /** `/v1/<service>` or `/v1/contacts/:contactId/<service>`. */
  prefix: string;
  /** The prefix's path parameters: none, or `contactId`. */
  shape: z.ZodRawShape;
  /** Whose records: the caller's (as portal group for a consumer), or a contact's. */
  owner(caller: Caller, params: FormParams): ShareOwner;
}

/** The path parameters of a route of the form: the prefix's, and `extra`. */
export function formParams<S extends z.ZodRawShape>(form: ShareForm, extra: S) {
  // Needed: the form's own parameters are known only at run time; they are at most a contactId.
  return z.object({ ...form.shape, ...extra }) as unknown as z.ZodType<
    FormParams & z.output<z.ZodObject<S>>
  >;
}
