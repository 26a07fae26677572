import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchParamsSchema } from '../../../shared/search.js';
import { DEMO_ACCOUNTS } from '../demo-accounts.js';
import { seedDemoData, seedLargeData } from '../seed.js';
import { parseSearch, type SearchSpec } from '../search.js';
import {
  contactCountSql,
  contactFilterFields,
  contactListSql,
  contactOrderBy,
} from './contacts.js';
import { openDatabase, type Db } from './db.js';
import {
  LISTING_DEFAULT_ORDER,
  listingCountSql,
  listingFields,
  listingListSql,
  listingOrderBy,
} from './listings.js';
import {
  groupCountSql,
  groupFilterFields,
  groupListSql,
  groupOrderBy,
  groupUsersSql,
} from './portal-group-reads.js';

const agentId = DEMO_ACCOUNTS.avery.id;
const groupSpec: SearchSpec = {
  orderBy: groupOrderBy,
  defaultOrderBy: 'Name',
  filterFields: groupFilterFields,
  attributes: [],
};
const contactSpec: SearchSpec = {
  orderBy: contactOrderBy,
  defaultOrderBy: 'DisplayName',
  filterFields: contactFilterFields,
  attributes: [],
};

let dir: string;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pga-plans-'));
  db = openDatabase(join(dir, 'plans.db'));
  seedDemoData(db);
  seedLargeData(db, { groups: 300, contacts: 1500 });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function planOf(sql: string, params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

const directions = ['', '-'];
const groupFilters = ['', "Name Eq '*son*'", "Name Eq 'ava*'", "Name Eq 'Ava Abbott'"];
const contactFilters = ['', "FamilyName Eq '*ann*'", "FamilyName Eq 'smith'"];
/** Name or e-mail contains: the trigram index gives the candidates, then they are sorted. */
const contactSearches = [
  "DisplayName Eq '*ann*' Or PrimaryEmail Eq '*ann*'",
  "DisplayName Eq contains('o\\'b') Or PrimaryEmail Eq 'o\\'bri*'",
];

/** The list index alone, in its order; an exact Name also seeks its key (the order key is the Name). */
const groupListPlan = (filter: string) =>
  filter.endsWith("'Ava Abbott'")
    ? 'SEARCH g USING COVERING INDEX portal_groups_agent_list (agent_id=? AND display_key=?)'
    : 'SEARCH g USING COVERING INDEX portal_groups_agent_list (agent_id=?)';

describe('group list query plans (an agent with 300 groups)', () => {
  for (const filter of groupFilters) {
    for (const direction of directions) {
      const query = { _filter: filter, _orderby: `${direction}Name` };
      it(`pages ${JSON.stringify(query)} in index order`, () => {
        const search = parseSearch(searchParamsSchema.parse(query), groupSpec);
        const list = groupListSql({ agentId }, search.filter, search.orderSql, false);
        const plan = planOf(list.sql, [...list.params, 25, 0]);
        expect(plan).toHaveLength(1);
        expect(plan[0]).toBe(groupListPlan(filter));
      });
    }
    it(`counts ${JSON.stringify(filter)} on a covering index`, () => {
      const search = parseSearch(searchParamsSchema.parse({ _filter: filter }), groupSpec);
      const count = groupCountSql({ agentId }, search.filter, false);
      const plan = planOf(count.sql, count.params);
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(
        /^SEARCH g USING COVERING INDEX \w+ \(agent_id=\?( AND display_key=\?)?\)$/,
      );
    });
  }

  it('reads "Name contains" from the trigram index: the candidate owners, then their groups', () => {
    const search = parseSearch(
      searchParamsSchema.parse({ _filter: "Name Eq '*son*'", _orderby: '-Name' }),
      groupSpec,
    );
    const list = groupListSql({ agentId }, search.filter, search.orderSql);
    const count = groupCountSql({ agentId }, search.filter);
    for (const plan of [
      planOf(list.sql, [...list.params, 25, 0]),
      planOf(count.sql, count.params),
    ]) {
      expect(plan.slice(0, 3)).toEqual([
        'SCAN s VIRTUAL TABLE INDEX 0:M2',
        'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
        'SEARCH g USING INDEX portal_groups_agent_contact (agent_id=? AND contact_id=?)',
      ]);
    }
  });

  it('reads the members of a page of groups by key, one query for the page', () => {
    const plan = planOf(
      groupUsersSql(25),
      Array.from({ length: 25 }, (_, i) => String(i)),
    );
    expect(plan.slice(0, 3)).toEqual([
      'SEARCH m USING PRIMARY KEY (group_id=?)',
      'SEARCH pa USING COVERING INDEX portal_accounts_member (id=?)',
      'SEARCH c USING INDEX sqlite_autoindex_contacts_1 (id=?)',
    ]);
  });
});

describe('contact list query plans', () => {
  for (const field of Object.keys(contactOrderBy)) {
    for (const filter of contactFilters) {
      for (const direction of directions) {
        const query = { _filter: filter, _orderby: `${direction}${field}` };
        it(`pages ${JSON.stringify(query)} in index order`, () => {
          const search = parseSearch(searchParamsSchema.parse(query), contactSpec);
          const list = contactListSql(search.filter, search.orderSql);
          const plan = planOf(list.sql, [agentId, ...list.params, 25, 0]);
          expect(plan[0]).toMatch(
            /^SEARCH c USING (COVERING )?INDEX contacts_agent_\w+ \(agent_id=\?/,
          );
          expect(plan.join('\n')).not.toContain('TEMP B-TREE');
        });
      }
    }
  }

  for (const filter of contactFilters) {
    it(`counts ${JSON.stringify(filter)} on a covering index, without the portal join`, () => {
      const search = parseSearch(searchParamsSchema.parse({ _filter: filter }), contactSpec);
      const count = contactCountSql(search.filter);
      const plan = planOf(count.sql, [agentId, ...count.params]);
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(/^SEARCH c USING COVERING INDEX contacts_agent_\w+ \(agent_id=\?/);
    });
  }

  for (const filter of contactSearches) {
    it(`searches ${JSON.stringify(filter)} from the trigram index`, () => {
      const search = parseSearch(searchParamsSchema.parse({ _filter: filter }), contactSpec);
      const list = contactListSql(search.filter, search.orderSql);
      const count = contactCountSql(search.filter);
      for (const plan of [
        planOf(list.sql, [agentId, ...list.params, 25, 0]),
        planOf(count.sql, [agentId, ...count.params]),
      ]) {
        expect(plan[0]).toBe('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
        expect(plan).toContain('LIST SUBQUERY 1');
        expect(plan.join('\n')).toMatch(/SCAN contacts_search VIRTUAL TABLE INDEX 0:M/);
      }
    });
  }
});

const listingSpec: SearchSpec = {
  orderBy: listingOrderBy,
  defaultOrderBy: LISTING_DEFAULT_ORDER,
  filterFields: listingFields,
  attributes: [],
};

describe('listing search query plans (6,400 listings)', () => {
  const searchOf = (query: Record<string, string>) =>
    parseSearch(searchParamsSchema.parse(query), listingSpec);

  it('finds a listing by MLS number on its unique index', () => {
    const search = searchOf({ _filter: "ListingId Eq '26-10001'" });
    const list = listingListSql(search.filter, search.orderSql);
    expect(planOf(list.sql, [...list.params, 25, 0])).toEqual([
      'SEARCH l USING INDEX listings_mls (mls_number=?)',
    ]);
  });

  it.each([
    [
      "City Eq 'Fargo' And MlsStatus Eq 'Active' And ListPrice Le 350000 And BedsTotal Ge 3",
      /^SEARCH l USING COVERING INDEX listings_search \(city=\? AND mls_status=\?\)$/,
    ],
    [
      "PropertyType Eq 'B' And ListPrice Le 250000",
      /^SEARCH l USING COVERING INDEX listings_\w+ \(.*property_type=\? AND list_price<\?\)$/,
    ],
    ["MlsStatus Eq 'Active' And BedsTotal Ge 4", /^SEARCH l USING COVERING INDEX listings_\w+ /],
    ['ListPrice Bt 200000,300000', /^SEARCH l USING COVERING INDEX listings_\w+ .*list_price>\?/],
  ])('counts %s on a covering index', (filter, expected) => {
    const search = searchOf({ _filter: filter });
    const count = listingCountSql(search.filter);
    const plan = planOf(count.sql, count.params);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatch(expected);
  });

  it.each<[string, string, string?]>([
    ['', 'listings_modified'],
    ["City Eq 'Fargo'", 'listings_modified'],
    ["MlsStatus Eq 'Active'", 'listings_price', 'ListPrice'],
    ["MlsStatus Eq 'Active'", 'listings_price', '-ListPrice'],
  ])('pages a common filter (%s) in the order of %s, without sorting', (filter, index, order) => {
    const search = searchOf({ _filter: filter, ...(order ? { _orderby: order } : {}) });
    const list = listingListSql(search.filter, search.orderSql, undefined, true);
    const plan = planOf(list.sql, [...list.params, 25, 0]);
    expect(plan).toEqual([`SCAN l USING INDEX ${index}`]);
  });

  it('reads "address contains" from the trigram index', () => {
    const search = searchOf({ _filter: "UnparsedAddress Eq contains('birch ave')" });
    const count = listingCountSql(search.filter);
    const plan = planOf(count.sql, count.params);
    expect(plan[0]).toBe('SEARCH l USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.join('\n')).toMatch(/SCAN listings_address VIRTUAL TABLE INDEX 0:M/);
  });
});
