import type { Db } from './store/db.js';
import { newSparkId } from './ids.js';
import { foldKey } from './store/text.js';
import { sparkTimestamp } from './store/timestamps.js';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  GROUP_OWNER_NAMES,
  JORDAN_CONTACT_NAMES,
} from './seed-names.js';

const fixedId = (stamp: string, n: number) => `${stamp}${String(n).padStart(12, '0')}`;

/** Contacts whose portal accounts the consumer demo accounts sign in with. */
const VOW_CONTACT_ID = fixedId('20240201000000', 0);
const PORTAL_CONTACT_ID = fixedId('20240201000000', 5);
const portalIdOf = (contactId: string) => `2024030${contactId.slice(7)}`;

export const DEMO_ACCOUNTS = {
  avery: {
    id: fixedId('20240101000000', 1),
    name: 'Avery Stone',
    role: 'Private',
    userType: 'Member',
    token: 'demo-private',
  },
  jordan: {
    id: fixedId('20240101000000', 2),
    name: 'Jordan Lee',
    role: 'Private',
    userType: 'Member',
    token: 'demo-private-2',
  },
  vow: {
    id: fixedId('20240101000000', 3),
    name: 'Sofía Álvarez',
    role: 'VOW',
    userType: 'Contact',
    token: 'demo-vow',
    contactId: VOW_CONTACT_ID,
    portalAccountId: portalIdOf(VOW_CONTACT_ID),
  },
  portal: {
    id: fixedId('20240101000000', 4),
    name: "Liam O'Brien",
    role: 'Portal',
    userType: 'Contact',
    token: 'demo-portal',
    contactId: PORTAL_CONTACT_ID,
    portalAccountId: portalIdOf(PORTAL_CONTACT_ID),
  },
  idx: {
    id: fixedId('20240101000000', 5),
    name: 'Harbor Homes IDX',
    role: 'IDX',
    userType: 'Member',
    token: 'demo-idx',
  },
  public: {
    id: fixedId('20240101000000', 6),
    name: 'Public Visitor',
    role: 'Public',
    userType: 'Member',
    token: 'demo-public',
  },
  // An office assistant: a Member of Avery's and Jordan's office with no contacts of their own.
  assistant: {
    id: fixedId('20240101000000', 7),
    name: 'Riley Park',
    role: 'Private',
    userType: 'Member',
    token: 'demo-assistant',
  },
} as const;

/** Fixed clock for generated record times; sign-ins are relative to the real time of seeding. */
const SEED_NOW = Date.parse('2026-11-27T09:00:00Z');
const DAY_MS = 86_400_000;

/** mulberry32: a small seeded PRNG, so the demo data is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SeedContact {
  id: string;
  agentId: string;
  given: string;
  family: string;
  email: string | null;
  modifiedAt: string;
  portal: { id: string; enabled: boolean; lastLogin: string | null } | null;
}

function writers(db: Db) {
  const contact = db.prepare(
    `INSERT INTO contacts (id, agent_id, display_name, given_name, family_name, primary_email, tags,
       modified_at, display_key, given_key, family_key, email_key)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  const portal = db.prepare(
    'INSERT INTO portal_accounts (id, contact_id, enabled, last_login, last_active) VALUES (?, ?, ?, ?, ?)',
  );
  const group = db.prepare(
    `INSERT INTO portal_groups (id, agent_id, contact_id, favorites, display_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const member = db.prepare(
    'INSERT OR IGNORE INTO portal_group_members (group_id, portal_account_id) VALUES (?, ?)',
  );
  const byId = new Map<string, SeedContact>();
  return {
    contact(c: SeedContact) {
      const displayName = `${c.given} ${c.family}`;
      contact.run(
        c.id,
        c.agentId,
        displayName,
        c.given,
        c.family,
        c.email,
        c.modifiedAt,
        foldKey(displayName),
        foldKey(c.given),
        foldKey(c.family),
        c.email ? foldKey(c.email) : null,
      );
      if (c.portal) {
        portal.run(
          c.portal.id,
          c.id,
          c.portal.enabled ? 1 : 0,
          c.portal.lastLogin,
          c.portal.lastLogin,
        );
      }
      byId.set(c.id, c);
    },
    group(owner: SeedContact, memberIds: string[], favorites: boolean, createdAt: string) {
      if (!owner.portal) throw new Error('A group owner needs a portal account');
      group.run(
        owner.portal.id,
        owner.agentId,
        owner.id,
        favorites ? 1 : 0,
        foldKey(`${owner.given} ${owner.family}`),
        createdAt,
      );
      for (const id of [owner.portal.id, ...memberIds]) member.run(owner.portal.id, id);
    },
  };
}

const emailOf = (given: string, family: string, n: number) =>
  `${foldKey(given)}.${foldKey(family)}${n ? n : ''}@example.com`.replace(/[^a-z0-9.@]/g, '');

/** One of `items`, chosen by `random` (in [0, 1), so always in range). */
function oneOf<T>(random: () => number, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0];
}

function lastLoginFor(random: () => number, now: number): string | null {
  const roll = random();
  if (roll < 0.15) return null;
  const days = roll < 0.5 ? random() * 6 : 8 + random() * 200;
  return sparkTimestamp(new Date(now - days * DAY_MS));
}

function pickMembers(
  random: () => number,
  pool: SeedContact[],
  owner: SeedContact,
  count: number,
): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const candidate = pool[Math.floor(random() * pool.length)];
    if (candidate?.portal && candidate.id !== owner.id) chosen.add(candidate.portal.id);
  }
  return [...chosen];
}

function seedAgent(
  db: Db,
  write: ReturnType<typeof writers>,
  agent: {
    id: string;
    stamp: string;
    names: [string, string][];
    groups: number;
    maxMembers: number;
  },
  random: () => number,
  now: number,
): SeedContact[] {
  const contacts = agent.names.map(([given, family], i): SeedContact => {
    const id = fixedId(agent.stamp, i);
    const generated = i >= GROUP_OWNER_NAMES.length;
    const hasPortal = !(agent.groups > 5 && generated && i % 15 === 3);
    const enabled = i === 11 || !(generated && i % 12 === 5);
    const neverSignedIn = i === 13 || (generated && i % 7 === 2);
    return {
      id,
      agentId: agent.id,
      given,
      family,
      email: i % 13 === 12 ? null : emailOf(given, family, generated ? i : 0),
      modifiedAt: sparkTimestamp(new Date(SEED_NOW - i * 3_600_000 - random() * DAY_MS)),
      portal: hasPortal
        ? {
            id: portalIdOf(id),
            enabled,
            lastLogin: neverSignedIn ? null : lastLoginFor(random, now),
          }
        : null,
    };
  });
  for (const consumer of [VOW_CONTACT_ID, PORTAL_CONTACT_ID]) {
    const contact = contacts.find((c) => c.id === consumer);
    if (contact?.portal) {
      contact.portal.enabled = true;
      contact.portal.lastLogin = sparkTimestamp(new Date(now - DAY_MS));
    }
  }
  for (const contact of contacts) write.contact(contact);
  for (const [g, owner] of contacts.slice(0, agent.groups).entries()) {
    const size = 1 + Math.floor(random() * agent.maxMembers);
    const members = pickMembers(random, contacts, owner, size - 1);
    write.group(owner, members, g % 6 === 1, sparkTimestamp(new Date(SEED_NOW - g * DAY_MS)));
  }
  return contacts;
}

function averyNames(random: () => number): [string, string][] {
  const names: [string, string][] = [...GROUP_OWNER_NAMES];
  const used = new Set(names.map(([g, f]) => `${g} ${f}`));
  while (names.length < 130) {
    const given = oneOf(random, GIVEN_NAMES);
    const family = oneOf(random, FAMILY_NAMES);
    if (used.has(`${given} ${family}`)) continue;
    used.add(`${given} ${family}`);
    names.push([given, family]);
  }
  return names;
}

/** The demo data set of spec §7; run once, on an empty database. */
export function seedDemoData(db: Db, now = Date.now()): void {
  const random = seededRandom(20261127);
  db.transaction(() => {
    const account = db.prepare(
      `INSERT INTO accounts (id, name, user_type, role, agent_id, portal_account_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const token = db.prepare(
      'INSERT INTO access_tokens (token, account_id, expires_at) VALUES (?, ?, NULL)',
    );
    const { avery, jordan, vow, portal, idx, assistant } = DEMO_ACCOUNTS;
    for (const a of [avery, jordan, idx, DEMO_ACCOUNTS.public, assistant]) {
      account.run(a.id, a.name, a.userType, a.role, null, null);
    }
    const write = writers(db);
    seedAgent(
      db,
      write,
      {
        id: avery.id,
        stamp: '20240201000000',
        names: averyNames(random),
        groups: 40,
        maxMembers: 8,
      },
      random,
      now,
    );
    seedAgent(
      db,
      write,
      {
        id: jordan.id,
        stamp: '20240202000000',
        names: JORDAN_CONTACT_NAMES,
        groups: 5,
        maxMembers: 4,
      },
      random,
      now,
    );
    for (const consumer of [vow, portal]) {
      account.run(
        consumer.id,
        consumer.name,
        consumer.userType,
        consumer.role,
        avery.id,
        consumer.portalAccountId,
      );
    }
    const addMember = db.prepare(
      'INSERT OR IGNORE INTO portal_group_members (group_id, portal_account_id) VALUES (?, ?)',
    );
    const averyGroup = (n: number) => portalIdOf(fixedId('20240201000000', n));
    for (const n of [3, 7, 20]) addMember.run(averyGroup(n), vow.portalAccountId);
    for (const n of [10]) addMember.run(averyGroup(n), portal.portalAccountId);
    for (const a of Object.values(DEMO_ACCOUNTS)) token.run(a.token, a.id);
  })();
}

/** Adds a large data set to Avery's account, for benchmarks. */
export function seedLargeData(
  db: Db,
  size: { groups: number; contacts: number },
  seed = 42,
): { contacts: number; groups: number; members: number } {
  const random = seededRandom(seed);
  const now = Date.now();
  const agentId = DEMO_ACCOUNTS.avery.id;
  let members = 0;
  db.transaction(() => {
    const write = writers(db);
    const contacts: SeedContact[] = [];
    for (let i = 0; i < size.contacts; i++) {
      const given = oneOf(random, GIVEN_NAMES);
      const family = oneOf(random, FAMILY_NAMES);
      const contact: SeedContact = {
        id: newSparkId(),
        agentId,
        given,
        family,
        email: `bench.${newSparkId()}@example.com`,
        modifiedAt: sparkTimestamp(new Date(SEED_NOW - random() * 365 * DAY_MS)),
        portal: { id: newSparkId(), enabled: random() > 0.1, lastLogin: lastLoginFor(random, now) },
      };
      write.contact(contact);
      contacts.push(contact);
    }
    const groups = Math.min(size.groups, contacts.length);
    for (const [g, owner] of contacts.slice(0, groups).entries()) {
      const count = Math.min(Math.floor(random() * 8), contacts.length - 1);
      const picked = pickMembers(random, contacts, owner, count);
      members += picked.length + 1;
      write.group(owner, picked, random() < 0.1, sparkTimestamp(new Date(SEED_NOW - g * 60_000)));
    }
  })();
  return { contacts: size.contacts, groups: Math.min(size.groups, size.contacts), members };
}
