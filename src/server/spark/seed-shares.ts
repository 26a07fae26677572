import { between, DAY_MS, oneOf, SEED_NOW, seededRandom } from './seed-random.js';
import type { Db } from './store/db.js';
import { foldKey } from './store/text.js';
import { sparkTimestamp } from './store/timestamps.js';

/**
 * What circles share in the demo (spec §8): every owner's three portal carts (some empty, some
 * with up to 12 listings, none in two of them), for some a named cart, and (with the saved
 * searches) 0–3 searches. Each owner's own random numbers, so that adding owners changes no
 * other's.
 */

interface Theme {
  name: string;
  where: string;
}

/** Named carts, each holding the listings its name promises. */
const THEMES: readonly [Theme, ...Theme[]] = [
  { name: 'Downtown condos', where: "property_type = 'B' AND city = 'Fargo'" },
  { name: 'Lake places', where: "city = 'Detroit Lakes' AND property_type != 'D'" },
  { name: 'Starter homes', where: "property_type = 'A' AND list_price < 250000 AND beds <= 3" },
  { name: 'Near the river', where: "city IN ('Moorhead', 'Dilworth') AND property_type = 'A'" },
];

const FOR_SALE = "mls_status IN ('Active', 'Pending')";

function poolOf(db: Db, where: string): string[] {
  return (
    db
      .prepare(`SELECT id FROM listings WHERE ${FOR_SALE} AND ${where} ORDER BY serial LIMIT 2000`)
      .all() as { id: string }[]
  ).map((row) => row.id);
}

function take(random: () => number, pool: string[], count: number, used: Set<string>): string[] {
  const chosen: string[] = [];
  for (let tries = 0; chosen.length < count && tries < count * 20 && pool.length; tries++) {
    const id = pool[Math.floor(random() * pool.length)] as string;
    if (!used.has(id)) {
      used.add(id);
      chosen.push(id);
    }
  }
  return chosen;
}

export interface ShareOwnerSeed {
  /** The group's Id: its owner's portal account. */
  portalId: string;
  /** 0, 1, 2...: picks the owner's random numbers. */
  index: number;
  /** A full set, whatever the dice say (the demo consumer's current circle). */
  showcase?: boolean;
}

/** Fills the owners' portal carts and adds their named carts; returns how many listings went in. */
export function seedCarts(db: Db, owners: ShareOwnerSeed[], idOf: (n: number) => string): number {
  const everything = poolOf(db, '1 = 1');
  const themed = THEMES.map((theme) => ({ theme, pool: poolOf(db, theme.where) }));
  const portalCart = db.prepare(
    'SELECT id FROM listing_carts WHERE owner_id = ? AND portal_cart_type = ?',
  );
  const put = db.prepare(
    'INSERT INTO cart_listings (cart_id, listing_id, position) VALUES (?, ?, ?)',
  );
  const times = db.prepare('UPDATE listing_carts SET created_at = ?, modified_at = ? WHERE id = ?');
  const custom = db.prepare(
    `INSERT INTO listing_carts (id, owner_id, name, name_key, portal_cart_type, created_at, modified_at)
     VALUES (?, ?, ?, ?, 'Custom', ?, ?)`,
  );
  let placed = 0;
  const fill = (cartId: string, ids: string[], createdDaysAgo: number, random: () => number) => {
    ids.forEach((id, i) => put.run(cartId, id, i + 1));
    placed += ids.length;
    const created = SEED_NOW - createdDaysAgo * DAY_MS;
    const modified = ids.length ? created + random() * (createdDaysAgo - 1) * DAY_MS : created;
    times.run(sparkTimestamp(new Date(created)), sparkTimestamp(new Date(modified)), cartId);
  };
  for (const owner of owners) {
    const random = seededRandom(0x5ca7_0000 + owner.index);
    const used = new Set<string>();
    const age = 20 + (owner.index % 60);
    const counts = owner.showcase
      ? [8, 4, 2]
      : [
          random() < 0.25 ? 0 : between(random, 1, 12),
          random() < 0.45 ? 0 : between(random, 1, 8),
          random() < 0.55 ? 0 : between(random, 1, 4),
        ];
    for (const [i, type] of (['Favorites', 'Possibilities', 'Rejects'] as const).entries()) {
      const cart = portalCart.get(owner.portalId, type) as { id: string } | undefined;
      if (cart) fill(cart.id, take(random, everything, counts[i] ?? 0, used), age, random);
    }
    if (owner.showcase || owner.index % 3 === 0) {
      const { theme, pool } = owner.showcase
        ? (themed[0] as (typeof themed)[number])
        : oneOf(random, themed as [(typeof themed)[number], ...(typeof themed)[number][]]);
      const id = idOf(owner.index);
      const created = sparkTimestamp(new Date(SEED_NOW - age * DAY_MS));
      custom.run(id, owner.portalId, theme.name, foldKey(theme.name), created, created);
      fill(id, take(random, pool, between(random, 3, 8), new Set()), age, random);
    }
  }
  return placed;
}

/** Saved searches as people name them, each with a Filter that reads well in plain words. */
export const DEMO_SEARCHES = [
  {
    name: 'Fargo homes under $350k',
    description: 'Three bedrooms or more, ready to move in',
    filter:
      "City Eq 'Fargo' And PropertyType Eq 'A' And BedsTotal Ge 3 And ListPrice Le 350000 And MlsStatus Eq 'Active'",
  },
  {
    name: 'West Fargo, room to grow',
    description: '',
    filter: "City Eq 'West Fargo' And BedsTotal Ge 4 And MlsStatus Eq 'Active'",
  },
  {
    name: 'Lake homes',
    description: 'Detroit Lakes, for the summers',
    filter:
      "City Eq 'Detroit Lakes' And PropertyType Eq 'A','C' And MlsStatus Eq 'Active','Pending'",
  },
  {
    name: 'Downtown condos',
    description: 'Walk to work',
    filter: "City Eq 'Fargo' And PropertyType Eq 'B' And MlsStatus Eq 'Active'",
  },
  {
    name: 'Moorhead under $250k',
    description: '',
    filter: "City Eq 'Moorhead' And ListPrice Lt 250000 And MlsStatus Eq 'Active'",
  },
  {
    name: 'Building lots',
    description: '',
    filter: "PropertyType Eq 'D' And MlsStatus Eq 'Active'",
  },
  {
    name: 'Space for everyone',
    description: 'Over 2,500 sq ft, $300k to $550k',
    filter: "BuildingAreaTotal Ge 2500 And ListPrice Bt 300000,550000 And MlsStatus Eq 'Active'",
  },
] as const;

/** 0–3 saved searches for each owner (3 for the showcase); how many were made. */
export function seedSearches(
  db: Db,
  owners: ShareOwnerSeed[],
  idOf: (n: number) => string,
): number {
  const insert = db.prepare(
    `INSERT INTO saved_searches (id, owner_id, name, name_key, description, filter, tags, provided,
       created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let made = 0;
  for (const owner of owners) {
    const random = seededRandom(0x5ea7_0000 + owner.index);
    const roll = random();
    const count = owner.showcase ? 3 : roll < 0.35 ? 0 : roll < 0.65 ? 1 : roll < 0.85 ? 2 : 3;
    const first = Math.floor(random() * DEMO_SEARCHES.length);
    for (let k = 0; k < count; k++) {
      const search = DEMO_SEARCHES[
        (first + k * 2) % DEMO_SEARCHES.length
      ] as (typeof DEMO_SEARCHES)[number];
      const created = SEED_NOW - (10 + random() * 80) * DAY_MS;
      const modified = created + random() * 9 * DAY_MS;
      insert.run(
        idOf(owner.index * 4 + k),
        owner.portalId,
        search.name,
        foldKey(search.name),
        search.description,
        search.filter,
        random() < 0.3 ? '["Favorites"]' : '[]',
        random() < 0.5 ? 1 : 0,
        sparkTimestamp(new Date(created)),
        sparkTimestamp(new Date(modified)),
      );
      made++;
    }
  }
  return made;
}
