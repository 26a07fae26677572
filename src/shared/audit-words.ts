import type { AuditEntry, AuditKind } from './audit.js';
import { agentErrorSchema } from './agents.js';
import { SPARK_ID_SOURCE } from './envelope.js';
import { spreadsheetDateTime, withZone } from './local-time.js';

const ID = `(${SPARK_ID_SOURCE})`;
const GROUP_PATH = new RegExp(`^/v1/portal/groups/${ID}(?:/users/${ID})?$`);

/** The circle a path writes to (`/v1/portal/groups/<Id>` and its users), if any. */
export function circleIdOf(path: string): string | undefined {
  return GROUP_PATH.exec(path)?.[1];
}

const SHARE_PATH = new RegExp(`^/v1(?:/contacts/${ID})?/(?:listingcarts|savedsearches)(?:/|$)`);

/**
 * Whose carts or saved searches a path writes to: a contact's (the owner of a circle, written by
 * the agent) or, with no contact, the caller's own: a consumer's are her current circle's ("As
 * Portal Group"). Undefined for any other path.
 */
export function shareWriteOf(path: string): { contactId?: string } | undefined {
  const match = SHARE_PATH.exec(path);
  if (!match) return undefined;
  return match[1] ? { contactId: match[1] } : {};
}

const CART_PATH = new RegExp(`^/v1(?:/contacts/${ID})?/listingcarts/${ID}(?:/listings/${ID})?$`);

/**
 * The cart a path adds listings to (`POST …/listingcarts/<Id>`) or removes one from (`DELETE
 * …/listings/<Id>`), through the owner's contact or the caller's own ("As Portal Group").
 */
export function cartWriteOf(
  path: string,
): { contactId?: string; cartId: string; listingId?: string } | undefined {
  const match = CART_PATH.exec(path);
  if (!match?.[2]) return undefined;
  const [, contactId, cartId, listingId] = match;
  return {
    cartId,
    ...(contactId ? { contactId } : {}),
    ...(listingId ? { listingId } : {}),
  };
}

const KINDS: [method: string, path: RegExp, kind: AuditKind | ((status: number) => AuditKind)][] = [
  ['PUT', /^\/v1\/portal\/groups\/current$/, 'current-select'],
  ['DELETE', /^\/v1\/portal\/groups\/current$/, 'current-clear'],
  ['DELETE', new RegExp(`^/v1/portal/groups/${ID}/users/${ID}$`), 'member-remove'],
  [
    'POST',
    new RegExp(`^/v1/portal/groups/${ID}$`),
    (status) => (status === 201 ? 'circle-create' : 'members-add'),
  ],
  ['PUT', new RegExp(`^/v1/portal/groups/${ID}$`), 'circle-change'],
  ['DELETE', new RegExp(`^/v1/portal/groups/${ID}$`), 'circle-delete'],
  ['POST', /^\/v1\/contacts$/, 'contact-create'],
  ['PUT', new RegExp(`^/v1/contacts/${ID}$`), 'contact-change'],
  ['DELETE', new RegExp(`^/v1/contacts/${ID}$`), 'contact-delete'],
  ['POST', new RegExp(`^/v1/contacts/${ID}/portal$`), 'portal-create'],
  ['PUT', new RegExp(`^/v1/contacts/${ID}/portal$`), 'portal-change'],
  ['GET', /^\/auth\/agents\/add$/, 'agent-add'],
  ['DELETE', new RegExp(`^/auth/agents/${ID}$`), 'agent-remove'],
  ['POST', new RegExp(`^/v1(?:/contacts/${ID})?/listingcarts/${ID}$`), 'cart-add'],
  [
    'DELETE',
    new RegExp(`^/v1(?:/contacts/${ID})?/listingcarts/${ID}/listings/${ID}$`),
    'cart-remove',
  ],
];

/** What a write was, from its method, path and status alone (the body can say more). */
export function auditKindOf(method: string, path: string, status: number): AuditKind {
  for (const [m, pattern, kind] of KINDS) {
    if (m === method && pattern.test(path)) return typeof kind === 'function' ? kind(status) : kind;
  }
  return 'other';
}

/**
 * People in words: "Beatriz Castillo", "Beatriz Castillo and Felix du Pont", "Ana, Ben, Cy and
 * 2 others"; `count` people of whom `names` are known (none known: "3 members").
 */
export function peopleInWords(names: readonly string[], count = names.length, noun = 'member') {
  const known = names.slice(0, count > 4 ? 3 : 4);
  const others = count - known.length;
  if (known.length === 0) return `${count} ${count === 1 ? noun : `${noun}s`}`;
  // Written out rather than Intl.ListFormat: a page's first Intl object loads its locale data.
  if (others === 0) {
    return known.length === 1
      ? known.join('')
      : `${known.slice(0, -1).join(', ')} and ${known.at(-1)}`;
  }
  return `${known.join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`;
}

/** "Grace Dunn's circle", or "a circle" when the entry does not know whose. */
const circleOf = (entry: AuditEntry) =>
  entry.CircleName ? `${entry.CircleName}'s circle` : 'a circle';

function peopleOf(entry: AuditEntry, oneUnknown: string, manyUnknown: string): string {
  const people = entry.People ?? [];
  const names = people.flatMap((person) => (person.Name ? [person.Name] : []));
  if (names.length === 0) return people.length > 1 ? `${people.length} ${manyUnknown}` : oneUnknown;
  return peopleInWords(names, people.length);
}

const AGENT_ERROR_WORDS: Record<string, string> = {
  self: 'it is your own account',
  'not-agent': 'not an agent’s account',
  limit: 'too many agents',
  session: 'your session had ended',
  denied: 'sign-in cancelled',
  signin: 'sign-in failed',
};

/** Why adding an agent failed, as older and newer entries keep it at the end of Action. */
function agentAddReason(entry: AuditEntry): string {
  const reason = agentErrorSchema.safeParse(/\(([\w-]+)\)$/.exec(entry.Action)?.[1]);
  return reason.success ? ` (${AGENT_ERROR_WORDS[reason.data]})` : '';
}

/** [what was done, what could not be done], for a kind of change. */
function sentences(kind: AuditKind, entry: AuditEntry): [done: string, failed: string] {
  const circle = circleOf(entry);
  switch (kind) {
    case 'member-remove': {
      const who = peopleOf(entry, 'a member', 'members');
      return [`Removed ${who} from ${circle}`, `Could not remove ${who} from ${circle}`];
    }
    case 'members-add': {
      const who = peopleOf(entry, 'a member', 'members');
      return [`Added ${who} to ${circle}`, `Could not add ${who} to ${circle}`];
    }
    case 'circle-create': {
      const members = (entry.People ?? []).filter(
        // The owner is sent as a user too, by contact Id (not the circle's portal account Id).
        (person) => person.Id !== entry.CircleId && person.Name !== entry.CircleName,
      );
      const who = members.length
        ? ` with ${peopleOf({ ...entry, People: members }, 'a member', 'members')}`
        : '';
      return [`Started ${circle}${who}`, `Could not start ${circle}`];
    }
    case 'circle-delete':
      return [`Deleted ${circle}`, `Could not delete ${circle}`];
    case 'circle-change':
      return [`Changed ${circle}`, `Could not change ${circle}`];
    case 'favorites-add':
      return [`Added ${circle} to Favorites`, `Could not add ${circle} to Favorites`];
    case 'favorites-remove':
      return [`Took ${circle} out of Favorites`, `Could not take ${circle} out of Favorites`];
    case 'portal-on':
    case 'portal-off': {
      const whose = `${peopleOf(entry, 'a contact', 'contacts')}'s portal`;
      const state = kind === 'portal-on' ? 'on' : 'off';
      return [`Turned ${state} ${whose}`, `Could not turn ${state} ${whose}`];
    }
    case 'portal-change': {
      const who = peopleOf(entry, 'a contact', 'contacts');
      return [
        `Changed the portal account of ${who}`,
        `Could not change the portal account of ${who}`,
      ];
    }
    case 'portal-create': {
      const who = peopleOf(entry, 'a contact', 'contacts');
      return [
        `Created a portal account for ${who}`,
        `Could not create a portal account for ${who}`,
      ];
    }
    case 'contact-create': {
      const who = peopleOf(entry, 'a contact', 'contacts');
      return [
        `Created the contact ${who}`,
        `Could not create ${who === 'a contact' ? who : `the contact ${who}`}`,
      ];
    }
    case 'contact-change': {
      const who = peopleOf(entry, 'a contact', 'contacts');
      return [`Changed the contact ${who}`, `Could not change the contact ${who}`];
    }
    case 'contact-delete': {
      const who = peopleOf(entry, 'a contact', 'contacts');
      return [`Deleted the contact ${who}`, `Could not delete the contact ${who}`];
    }
    case 'current-select':
      return ['Chose a circle to work in', 'Could not choose a circle to work in'];
    case 'current-clear':
      return ['Stopped working in a circle', 'Could not stop working in a circle'];
    case 'agent-add':
      return [
        `Added ${entry.ForName} as an agent`,
        `Could not add ${entry.ForName} as an agent${agentAddReason(entry)}`,
      ];
    case 'agent-remove':
      return [
        `Removed ${entry.ForName} from your agents`,
        `Could not remove ${entry.ForName} from your agents`,
      ];
    case 'refused-more': {
      const count = entry.Count ?? 1;
      const words = `${count.toLocaleString('en-US')} more refused ${count === 1 ? 'write' : 'writes'} not recorded`;
      return [words, words];
    }
    case 'cart-add':
    case 'cart-remove': {
      const listings = peopleOf(entry, 'a listing', 'listings');
      const where = `${entry.Cart ?? 'a cart'} in ${circle}`;
      return kind === 'cart-add'
        ? [`Added ${listings} to ${where}`, `Could not add ${listings} to ${where}`]
        : [`Removed ${listings} from ${where}`, `Could not remove ${listings} from ${where}`];
    }
    case 'cart-move': {
      const listings = peopleOf(entry, 'a listing', 'listings');
      const move = `${listings} from ${entry.FromCart ?? 'a cart'} to ${entry.Cart ?? 'another'} in ${circle}`;
      return [`Moved ${move}`, `Could not move ${move}`];
    }
    case 'other':
      return [entry.Action, entry.Action];
  }
}

/**
 * A change in a person's words: "Removed Søren McDonald from Grace Dunn's circle, for Avery
 * Stone"; an Undo says so ("Undo: added …"). Entries kept before names were, read from the path
 * ("Removed a member from a circle").
 */
export function describeAudit(entry: AuditEntry): string {
  const kind = entry.Kind ?? auditKindOf(entry.Method, entry.Path, entry.Status);
  const [done, failed] = sentences(kind, entry);
  let words = entry.Outcome === 'Succeeded' ? done : failed;
  const forAgent = entry.ForId !== entry.ActorId && kind !== 'agent-add' && kind !== 'agent-remove';
  if (forAgent) words += `, for ${entry.ForName}`;
  if (entry.Undo) words = `Undo: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
  return words;
}

/** The circle an entry wrote to: kept in the entry, or (older entries) read from its path. */
export const circleOfEntry = (entry: AuditEntry) => entry.CircleId ?? circleIdOf(entry.Path);

type AuditCsvColumn = [name: string, value: (entry: AuditEntry) => string | number];

const OTHER_AUDIT_CSV_COLUMNS: AuditCsvColumn[] = [
  ['Change', describeAudit],
  ['Undo', (e) => (e.Undo ? 'Yes' : '')],
  ['Outcome', (e) => e.Outcome],
  ['Code', (e) => e.Code ?? ''],
  ['ActorName', (e) => e.ActorName],
  ['ForName', (e) => e.ForName],
  ['CircleName', (e) => e.CircleName ?? ''],
  ['People', (e) => (e.People ?? []).map((person) => person.Name ?? person.Id).join('; ')],
  ['Method', (e) => e.Method],
  ['Path', (e) => e.Path],
  ['Status', (e) => e.Status],
  ['ActorId', (e) => e.ActorId],
  ['ForId', (e) => e.ForId],
  ['CircleId', (e) => circleOfEntry(e) ?? ''],
  ['Id', (e) => e.Id],
];

/**
 * `GET /auth/audit.csv`'s columns, in order, and how each is read from an entry; the time is the
 * local time in `timeZone` (`2026-12-05 14:03`, as a spreadsheet reads it), which its header names.
 */
export const auditCsvColumns = (timeZone: string): AuditCsvColumn[] => [
  [withZone('At', timeZone), (e) => spreadsheetDateTime(e.At, timeZone)],
  ...OTHER_AUDIT_CSV_COLUMNS,
];

/** The columns when no zone is asked for: UTC, named. */
export const AUDIT_CSV_COLUMNS = auditCsvColumns('UTC');
