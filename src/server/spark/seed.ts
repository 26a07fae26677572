import type { Db } from './store/db.js';
import {
  DEMO_ACCOUNTS,
  fixedId,
  portalIdOf,
  PORTAL_CONTACT_ID,
  VOW_CONTACT_ID,
} from './demo-accounts.js';
import { demoListing, type ListingRow } from './demo-mls.js';
import { newSparkId } from './ids.js';
import { analyzeListings, insertListings, nextListingSerial } from './store/listings.js';
import { DAY_MS, oneOf, SEED_NOW, seededRandom } from './seed-random.js';
import { foldKey } from './store/text.js';
import { seedCarts, seedSearches, type ShareOwnerSeed } from './seed-shares.js';
import { seedWriters, type SeedContact, type SeedWriters } from './store/seed-writes.js';
import { sparkTimestamp } from './store/timestamps.js';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  GROUP_OWNER_NAMES,
  JORDAN_CONTACT_NAMES,
} from './seed-names.js';

const emailOf = (given: string, family: string, n: number) =>
  `${foldKey(given)}.${foldKey(family)}${n ? n : ''}@example.com`.replace(/[^a-z0-9.@]/g, '');

/** Fictional numbers (555-01xx): most have a mobile, some a home or work phone, a few none. */
function phonesOf(i: number): SeedContact['phones'] {
  const number = (n: number) => `(701) 555-01${String(n % 100).padStart(2, '0')}`;
  return {
    mobile: i % 5 === 4 ? null : number(i),
    home: i % 3 === 0 ? number(i + 37) : null,
    work: i % 7 === 1 ? number(i + 71) : null,
  };
}

function lastLoginFor(random: () => number, now: number): string | null {
  const roll = random();
  if (roll < 0.15) return null;
  const days = roll < 0.5 ? random() * 6 : 8 + random() * 200;
  return sparkTimestamp(new Date(now - days * DAY_MS));
}

const HOUR_MS = 3_600_000;

/**
 * Last activity in the portal, to the hour as Spark keeps it: within two days after the last
 * sign-in (never in the future), none without one. Its own random numbers (`key`), so that the
 * rest of the demo data stays as it was before LastActive was seeded.
 */
function lastActiveFor(lastLogin: string | null, now: number, key: number): string | null {
  if (lastLogin === null) return null;
  const active = Math.min(now, Date.parse(lastLogin) + seededRandom(key)() * 2 * DAY_MS);
  return sparkTimestamp(new Date(Math.floor(active / HOUR_MS) * HOUR_MS));
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
  write: SeedWriters,
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
      phones: phonesOf(i),
      modifiedAt: sparkTimestamp(new Date(SEED_NOW - i * 3_600_000 - random() * DAY_MS)),
      portal: hasPortal
        ? {
            id: portalIdOf(id),
            enabled,
            lastLogin: neverSignedIn ? null : lastLoginFor(random, now),
            lastActive: null,
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
  for (const [i, contact] of contacts.entries()) {
    if (contact.portal) {
      contact.portal.lastActive = lastActiveFor(
        contact.portal.lastLogin,
        now,
        Number(agent.stamp.slice(6, 8)) * 1000 + i,
      );
    }
    write.contact(contact);
  }
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

/** The demo MLS has a few hundred listings (spec §8). */
export const DEMO_LISTING_COUNT = 400;
/** Benchmark data sets scale listings with groups (200,000 at 10,000 groups). */
export const LISTINGS_PER_GROUP = 20;

function* listingsFrom(first: number, count: number): Generator<ListingRow> {
  for (let serial = first; serial < first + count; serial++) yield demoListing(serial);
}

/** The demo MLS alone (for a database seeded before it existed). */
export function seedDemoListings(db: Db): void {
  db.transaction(() => {
    insertListings(db, listingsFrom(0, DEMO_LISTING_COUNT));
    analyzeListings(db);
  })();
}

/** The demo data set of spec §7; run once, on an empty database. */
export function seedDemoData(db: Db, now = Date.now()): void {
  const random = seededRandom(20261127);
  db.transaction(() => {
    const write = seedWriters(db);
    const { avery, jordan, vow, portal, idx, assistant } = DEMO_ACCOUNTS;
    for (const a of [avery, jordan, idx, DEMO_ACCOUNTS.public, assistant]) {
      write.account(a, null, null);
    }
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
      write.account(consumer, avery.id, consumer.portalAccountId);
    }
    const averyGroup = (n: number) => portalIdOf(fixedId('20240201000000', n));
    for (const n of [3, 7, 20]) write.member(averyGroup(n), vow.portalAccountId);
    for (const n of [10]) write.member(averyGroup(n), portal.portalAccountId);
    for (const a of Object.values(DEMO_ACCOUNTS)) write.token(a.token, a.id);
    insertListings(db, listingsFrom(0, DEMO_LISTING_COUNT));
    analyzeListings(db);
    // What the circles share; the VOW consumer works in one of them (spec §8).
    const showcase = averyGroup(3);
    const owners = groupOwners(db, 0).map((o) => ({ ...o, showcase: o.portalId === showcase }));
    seedCarts(db, owners, (n) => fixedId('20250401000000', n));
    seedSearches(db, owners, (n) => fixedId('20250501000000', n));
    write.currentGroup(vow.id, showcase);
  })();
}

/** The groups' owners after the first `skip`, in the order the groups were made. */
function groupOwners(db: Db, skip: number, offset = 0): ShareOwnerSeed[] {
  const ids = db
    .prepare('SELECT id FROM portal_groups ORDER BY rowid LIMIT -1 OFFSET ?')
    .pluck()
    .all(skip) as string[];
  return ids.map((portalId, i) => ({ portalId, index: offset + i }));
}

/** The trigram indexes kept by insert triggers, and those triggers. */
const TRIGRAM_INDEXES = [
  { table: 'contacts_search', trigger: 'contacts_search_insert' },
  { table: 'listings_address', trigger: 'listings_address_insert' },
] as const;

/**
 * Runs `work` in one transaction with the trigram indexes built once at its end ('rebuild')
 * instead of row by row through their insert triggers, and with a page cache that holds the
 * whole large data set (1 GiB at most, for the duration): together about three times faster
 * at 200,000 listings.
 */
function inBulk<T>(db: Db, work: () => T): T {
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  db.pragma('cache_size = -1048576');
  try {
    return db.transaction(() => {
      const triggers = TRIGRAM_INDEXES.map(({ table, trigger }) => {
        const sql = db
          .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
          .pluck()
          .get(trigger) as string;
        db.exec(`DROP TRIGGER ${trigger}`);
        return { table, sql };
      });
      const result = work();
      for (const { table, sql } of triggers) {
        db.exec(sql);
        db.exec(`INSERT INTO ${table}(${table}) VALUES ('rebuild')`);
      }
      return result;
    })();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Adds a large data set to Avery's account and to the MLS, for benchmarks. */
export function seedLargeData(
  db: Db,
  size: { groups: number; contacts: number; listings?: number },
  seed = 42,
): { contacts: number; groups: number; members: number; listings: number } {
  const listings = size.listings ?? size.groups * LISTINGS_PER_GROUP;
  const random = seededRandom(seed);
  const groupsBefore = db.prepare('SELECT COUNT(*) FROM portal_groups').pluck().get() as number;
  const now = Date.now();
  const agentId = DEMO_ACCOUNTS.avery.id;
  let members = 0;
  inBulk(db, () => {
    const write = seedWriters(db);
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
        portal: { id: newSparkId(), enabled: random() > 0.1, lastLogin: null, lastActive: null },
      };
      if (contact.portal) {
        contact.portal.lastLogin = lastLoginFor(random, now);
        contact.portal.lastActive = lastActiveFor(contact.portal.lastLogin, now, seed + i);
      }
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
    insertListings(db, listingsFrom(nextListingSerial(db), listings));
    analyzeListings(db);
    const owners = groupOwners(db, groupsBefore, 10_000 + groupsBefore);
    seedCarts(db, owners, () => newSparkId());
    seedSearches(db, owners, () => newSparkId());
  });
  return {
    contacts: size.contacts,
    groups: Math.min(size.groups, size.contacts),
    members,
    listings,
  };
}
