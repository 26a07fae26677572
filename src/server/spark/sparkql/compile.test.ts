import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { foldKey } from '../store/text.js';
import { compileFilter, type FieldMap } from './index.js';

const fields: FieldMap = {
  Name: { column: 'p.name_key', type: 'text' },
  PrimaryEmail: { column: 'p.email_key', type: 'text' },
  Id: { column: 'p.id', type: 'id' },
  VowEnabled: { column: 'p.vow', type: 'boolean' },
  ListPrice: { column: 'p.price', type: 'number' },
  ModificationTimestamp: { column: 'p.modified_at', type: 'datetime' },
};

const people = [
  ['a', 'Álvarez', 'al@example.com', 1, 250000, '2026-11-26T23:59:59Z'],
  ['b', 'Avery Stone', null, 0, 99999.5, '2026-11-27T00:00:00Z'],
  ['c', "Steve O'Brien", 'steve@example.com', 1, 1500, '2026-11-27T10:00:00.500Z'],
  ['d', '100% Real_Estate', 'info@real.com', 0, null, '2026-11-27T23:59:59.999Z'],
  ['e', 'Dana de la Cruz', null, 1, 0, '2026-11-28T00:00:00Z'],
  ['f', 'Zoë Back\\slash', 'zoe@example.com', 0, -20, null],
  ['g', 'Ray Lee', 'RAY@Example.com', 0, 1500.25, '2026-11-25T08:00:00Z'],
] as const;
const everyone: string[] = people.map(([key]) => key);
const idOf = (key: string) => `2026112709301512345600000${everyone.indexOf(key)}`;

const db = new Database(':memory:');
db.exec(`CREATE TABLE people (
  key TEXT, id TEXT NOT NULL, name_key TEXT NOT NULL, email_key TEXT, vow INTEGER NOT NULL,
  price REAL, modified_at TEXT)`);
db.exec('CREATE INDEX people_modified ON people(modified_at)');
const insert = db.prepare('INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)');
for (const [key, name, email, vow, price, modified] of people) {
  insert.run(key, idOf(key), foldKey(name), email && foldKey(email), vow, price, modified);
}
afterAll(() => db.close());

/** A Friday afternoon, UTC: what `now()`, `days()`... are evaluated against. */
const NOW = new Date('2026-11-27T15:30:45.678Z');

function matching(filter: string, where = '1 = 1'): string[] {
  const { sql, params } = compileFilter(filter, fields, NOW);
  const rows = db
    .prepare(`SELECT key FROM people p WHERE ${where} AND ${sql} ORDER BY key`)
    .all(...params) as { key: string }[];
  return rows.map((row) => row.key);
}

const others = (...excluded: string[]) => everyone.filter((key) => !excluded.includes(key));

describe('compileFilter on text fields', () => {
  it.each([
    ["Name Eq 'alvarez'", ['a']],
    ["Name Eq 'ÁLVAREZ'", ['a']],
    ["Name Eq 'Alvarez '", []],
    ["Name Eq 'zoe back\\\\slash'", ['f']],
    ["Name Eq 'Steve O\\'Brien'", ['c']],
    ["Name Ne 'Avery Stone'", others('b')],
    ["Name Eq 'ste*'", ['c']],
    ["Name Eq '*STONE'", ['b']],
    ["Name Eq 'd*l*z'", ['e']],
    ["Name Eq '*'", everyone],
    ["Name Eq contains('ALV')", ['a']],
    ["Name Eq contains('o')", ['b', 'c', 'f']],
    ["Name Ne contains('o')", ['a', 'd', 'e', 'g']],
    ["Name Eq startswith('dana')", ['e']],
    ["Name Eq endswith('CRUZ')", ['e']],
    ["Name Eq endswith('cru')", []],
    ["Name Eq contains('zoë')", ['f']],
    ["Name Eq contains('*ack')", ['f']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it.each([
    ["Name Eq contains('100%')", ['d']],
    ["Name Eq contains('l_e')", ['d']],
    ["Name Eq '100%*'", ['d']],
    ["Name Eq '%'", []],
    ["Name Eq '_*'", []],
    ["Name Eq contains('\\\\')", ['f']],
    ["Name Eq 'a\\*'", []],
  ])('matches LIKE metacharacters literally: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it.each([
    ["Name Eq 'avery stone','RAY LEE'", ['b', 'g']],
    ["Name Ne 'avery stone','ray lee'", others('b', 'g')],
    ["Name Eq 'ray lee','ste*',contains('cruz')", ['c', 'e', 'g']],
    ["Name Ne 'ray lee','ste*',contains('cruz')", ['a', 'b', 'd', 'f']],
  ])('reads a list as any-of / none-of: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('compileFilter with NULL', () => {
  it.each([
    ['PrimaryEmail Eq NULL', ['b', 'e']],
    ['PrimaryEmail Ne null', others('b', 'e')],
    ["PrimaryEmail Eq NULL Or PrimaryEmail Eq 'zoe@example.com'", ['b', 'e', 'f']],
    ["PrimaryEmail Eq 'ray@example.com'", ['g']],
    ["PrimaryEmail Ne 'al@example.com'", others('a')],
    ["Not PrimaryEmail Eq 'al@example.com'", others('a')],
    ["PrimaryEmail Eq contains('example')", ['a', 'c', 'f', 'g']],
    ["PrimaryEmail Ne contains('example')", ['b', 'd', 'e']],
    ['ListPrice Gt 1000', ['a', 'b', 'c', 'g']],
    ['Not ListPrice Gt 1000', ['d', 'e', 'f']],
    ['ListPrice Eq NULL', ['d']],
    ['ModificationTimestamp Eq NULL', ['f']],
    ['ModificationTimestamp Ne 2026-11-27', ['a', 'e', 'f', 'g']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('makes Not and Ne exact complements, NULL rows included', () => {
    const filters = [
      "PrimaryEmail Eq contains('example')",
      'ListPrice Bt 0,1500',
      'ModificationTimestamp Gt 2026-11-26',
      "Name Eq 'ray lee' Or PrimaryEmail Eq NULL",
      'VowEnabled Eq true And ListPrice Le 1500',
      'year(ModificationTimestamp) Eq 2026 Not time(ModificationTimestamp) Lt 08:00',
    ];
    for (const filter of filters) {
      const matched = matching(filter);
      const negated = matching(`Not (${filter})`);
      expect([...matched, ...negated].sort()).toEqual(everyone);
    }
  });
});

describe('compileFilter on boolean and id fields', () => {
  it.each([
    ['VowEnabled Eq true', ['a', 'c', 'e']],
    ['VowEnabled Eq false', ['b', 'd', 'f', 'g']],
    ['VowEnabled Ne true', ['b', 'd', 'f', 'g']],
    [`Id Eq '${idOf('c')}'`, ['c']],
    [`Id Eq '${idOf('c')}','${idOf('g')}','99'`, ['c', 'g']],
    [`Id Ne '${idOf('c')}','${idOf('g')}'`, others('c', 'g')],
    [`Id Eq '${idOf('c').slice(0, 25)}'`, []],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('compileFilter on datetime fields', () => {
  it.each([
    ['ModificationTimestamp Eq 2026-11-27', ['b', 'c', 'd']],
    ['ModificationTimestamp Eq 2026-11-25 Or ModificationTimestamp Eq 2026-11-28', ['e', 'g']],
    ['ModificationTimestamp Gt 2026-11-27', ['e']],
    ['ModificationTimestamp Ge 2026-11-27', ['b', 'c', 'd', 'e']],
    ['ModificationTimestamp Lt 2026-11-27', ['a', 'g']],
    ['ModificationTimestamp Le 2026-11-27', ['a', 'b', 'c', 'd', 'g']],
    ['ModificationTimestamp Bt 2026-11-26,2026-11-27', ['a', 'b', 'c', 'd']],
    ['ModificationTimestamp Bt 2026-11-27,2026-11-27', ['b', 'c', 'd']],
  ])('reads a date as its whole UTC day: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it.each([
    ['ModificationTimestamp Eq 2026-11-27T10:00:00.5Z', ['c']],
    ['ModificationTimestamp Eq 2026-11-27T10:00:00Z', []],
    ['ModificationTimestamp Eq 2026-11-27T00:00:00.000Z', ['b']],
    ['ModificationTimestamp Gt 2026-11-27T10:00:00Z', ['c', 'd', 'e']],
    ['ModificationTimestamp Gt 2026-11-27T10:00:00.5Z', ['d', 'e']],
    ['ModificationTimestamp Lt 2026-11-27T10:00:00.6Z', ['a', 'b', 'c', 'g']],
    ['ModificationTimestamp Le 2026-11-27T00:00:00Z', ['a', 'b', 'g']],
    ['ModificationTimestamp Lt 2026-11-27T00:00:00Z', ['a', 'g']],
    ['ModificationTimestamp Eq 2026-11-27T04:00:00.5-06:00', ['c']],
    ['ModificationTimestamp Ge 2026-11-28T01:00:00+01:00', ['e']],
    ['ModificationTimestamp Gt 2026-11-28T01:00:00+01:00', []],
    ['ModificationTimestamp Bt 2026-11-27T00:00:00Z,2026-11-27T23:59:59.999Z', ['b', 'c', 'd']],
    ['ModificationTimestamp Bt 2026-11-27T00:00:00.001Z,2026-11-27T23:59:59.998Z', ['c']],
    ['ModificationTimestamp Bt 2026-11-27T10:00:00Z,2026-11-28', ['c', 'd', 'e']],
  ])('compares instants, offsets and fractions: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('lets SQLite use an index on the timestamp column', () => {
    const { sql, params } = compileFilter('ModificationTimestamp Gt 2026-11-27', fields);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT key FROM people p WHERE ${sql}`)
      .all(...params) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('people_modified');
  });
});

describe('compileFilter conjunctions', () => {
  it.each([
    ["Name Eq 'ray lee' Or VowEnabled Eq true And PrimaryEmail Eq NULL", ['e', 'g']],
    ["(Name Eq 'ray lee' Or VowEnabled Eq true) And PrimaryEmail Eq NULL", ['e']],
    ["VowEnabled Eq true Not Name Eq 'alvarez'", ['c', 'e']],
    ['Not (VowEnabled Eq true Or PrimaryEmail Eq NULL)', ['d', 'f', 'g']],
    ['not VowEnabled eq true AND (NOT PrimaryEmail eQ null)', ['d', 'f', 'g']],
    [
      "((Name Eq 'a*' Or Name Eq 's*') And VowEnabled Eq true) Or (ModificationTimestamp Eq NULL)",
      ['a', 'c', 'f'],
    ],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('wraps the output so a caller can AND it', () => {
    expect(matching("Name Eq 'ray lee' Or Name Eq 'alvarez'", 'p.vow = 1')).toEqual(['a']);
  });
});

describe('compileFilter output is parameterised', () => {
  it('refuses a quote-doubling injection (Spark escapes a quote with \\ only)', () => {
    expect(() => compileFilter("Name Eq 'x'') OR 1=1 --'", fields)).toThrow(
      /a quote inside text is written/,
    );
  });

  it('keeps a backslash-escaped injection inside a parameter', () => {
    expect(matching("Name Eq 'x\\'; DROP TABLE people; --'")).toEqual([]);
    expect(matching("Name Eq contains('\\') OR 1=1 --')")).toEqual([]);
    expect(matching('VowEnabled Eq true')).toEqual(['a', 'c', 'e']);
  });

  it.each([
    "Name Eq 'Avery Stone','ray*',contains('x') Or Name Eq NULL",
    'ListPrice Bt 1,2.5E2 Or ListPrice Gt -3 Or ListPrice Eq 7,8.5',
    "Id Eq '20261127093015123456000001' And VowEnabled Eq true",
    'ModificationTimestamp Bt 2026-11-26,2026-11-27T10:00:00-06:00',
    'ModificationTimestamp Gt days(-7) Or ModificationTimestamp Lt now()',
  ])('puts no literal in the SQL text: %s', (filter) => {
    const { sql, params } = compileFilter(filter, fields);
    const withoutFixedText = sql
      .replaceAll("ESCAPE '\\'", '')
      .replaceAll("strftime('%Y-%m-%dT%H:%M:%fZ'", '');
    expect(withoutFixedText).not.toMatch(/['0-9]/);
    expect(sql.match(/\?/g)).toHaveLength(params.length);
    expect(sql.startsWith('(') && sql.endsWith(')')).toBe(true);
  });
});

describe('compileFilter on number fields and references', () => {
  const homes = new Database(':memory:');
  homes.exec('CREATE TABLE homes (key TEXT, price INTEGER, baths REAL, cart TEXT)');
  const rows: [string, number | null, number | null, string][] = [
    ['a', 100000, 1, 'x'],
    ['b', 250000, 2.5, 'x'],
    ['c', 250000.5, null, 'y'],
    ['d', null, 3, 'y'],
  ];
  for (const row of rows) homes.prepare('INSERT INTO homes VALUES (?, ?, ?, ?)').run(...row);
  afterAll(() => homes.close());
  const numberFields: FieldMap = {
    ListPrice: { column: 'h.price', type: 'number' },
    BathsTotal: { column: 'h.baths', type: 'number' },
    ListingCart: {
      column: 'h.key',
      type: 'id',
      refersTo: (id) => ({ sql: 'h.cart = ?', params: [id] }),
    },
  };
  const found = (filter: string) => {
    const { sql, params } = compileFilter(filter, numberFields);
    return (
      homes.prepare(`SELECT key FROM homes h WHERE ${sql} ORDER BY key`).all(...params) as {
        key: string;
      }[]
    ).map((row) => row.key);
  };

  it.each([
    ['ListPrice Eq 250000', ['b']],
    ['ListPrice Eq 250000,100000', ['a', 'b']],
    ['ListPrice Ne 250000', ['a', 'c', 'd']],
    ['ListPrice Gt 250000', ['c']],
    ['ListPrice Ge 250000', ['b', 'c']],
    ['ListPrice Lt 250000.5', ['a', 'b']],
    ['ListPrice Le -1', []],
    ['ListPrice Bt 100000,250000', ['a', 'b']],
    ['ListPrice Eq NULL', ['d']],
    ['BathsTotal Ge 2.5', ['b', 'd']],
    ["ListingCart Eq 'x'", ['a', 'b']],
    ["ListingCart Eq 'x','y'", ['a', 'b', 'c', 'd']],
    ["ListingCart Ne 'y'", ['a', 'b']],
  ])('%s', (filter, expected) => {
    expect(found(filter)).toEqual(expected);
  });

  it.each([
    ["ListPrice Eq '250000'", "'250000'"],
    ['ListPrice Eq true', 'true'],
    ["ListPrice Eq contains('25')", 'contains'],
    ['ListingCart Eq NULL', 'NULL'],
    ["ListingCart Gt 'x'", 'Gt'],
    ["ListingCart Eq 'x*'", "'x*'"],
  ])('refuses %s (400/1040 naming %s)', (filter, token) => {
    expect(() => compileFilter(filter, numberFields)).toThrow(
      expect.objectContaining({
        code: 1040,
        extra: { sparkQlErrors: [expect.objectContaining({ Token: token })] },
      }),
    );
  });
});

describe('compileFilter on number fields', () => {
  it.each([
    ['ListPrice Eq 1500', ['c']],
    ['ListPrice Eq 1500,1500.25,-20', ['c', 'f', 'g']],
    ['ListPrice Ne 1500,1500.25', ['a', 'b', 'd', 'e', 'f']],
    ['ListPrice Eq 1.5E3', ['c']],
    ['ListPrice Eq 2.5e5', ['a']],
    ['ListPrice Gt 1.5e3', ['a', 'b', 'g']],
    ['ListPrice Ge 1500', ['a', 'b', 'c', 'g']],
    ['ListPrice Lt 0', ['f']],
    ['ListPrice Le 0', ['e', 'f']],
    ['ListPrice Bt -20,1500', ['c', 'e', 'f']],
    ['ListPrice Bt 99999.5,250000', ['a', 'b']],
    ['ListPrice Bt 10,1', []],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('compileFilter with functions of a datetime field (UTC)', () => {
  it.each([
    ['year(ModificationTimestamp) Eq 2026', ['a', 'b', 'c', 'd', 'e', 'g']],
    ['month(ModificationTimestamp) Eq 11', ['a', 'b', 'c', 'd', 'e', 'g']],
    ['day(ModificationTimestamp) Eq 27,28', ['b', 'c', 'd', 'e']],
    ['day(ModificationTimestamp) Bt 26,27', ['a', 'b', 'c', 'd']],
    ['hour(ModificationTimestamp) Ge 10', ['a', 'c', 'd']],
    ['minute(ModificationTimestamp) Eq 59', ['a', 'd']],
    ['second(ModificationTimestamp) Eq 0', ['b', 'c', 'e', 'g']],
    ['fractionalseconds(ModificationTimestamp) Eq 0.5', ['c']],
    ['fractionalseconds(ModificationTimestamp) Gt 0.9', ['d']],
    ['date(ModificationTimestamp) Eq 2026-11-27', ['b', 'c', 'd']],
    ['date(ModificationTimestamp) Gt 2026-11-26', ['b', 'c', 'd', 'e']],
    ['date(ModificationTimestamp) Bt 2026-11-25,2026-11-26', ['a', 'g']],
    ['date(ModificationTimestamp) Eq days(0)', ['b', 'c', 'd']],
    ['time(ModificationTimestamp) Lt 08:00', ['b', 'e']],
    ['time(ModificationTimestamp) Eq 10:00:00.5', ['c']],
    ['time(ModificationTimestamp) Bt 08:00,10:00:00.5', ['c', 'g']],
    ['time(ModificationTimestamp) Ge 23:59:59.999', ['d']],
    ['time(ModificationTimestamp) Eq time(2026-01-01T08:00:00Z)', ['g']],
    ['year(ModificationTimestamp) Eq NULL', ['f']],
    ['year(ModificationTimestamp) Ne 2026', ['f']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('compileFilter with functions of now (UTC, evaluated at each request)', () => {
  // NOW is Friday 2026-11-27T15:30:45.678Z
  it.each([
    ['ModificationTimestamp Lt now()', ['a', 'b', 'c', 'g']],
    ['ModificationTimestamp Gt now()', ['d', 'e']],
    ['ModificationTimestamp Ge hours(-6)', ['c', 'd', 'e']],
    ['ModificationTimestamp Ge minutes(-330)', ['d', 'e']],
    ['ModificationTimestamp Bt seconds(-55845),now()', ['b', 'c']],
    ['ModificationTimestamp Eq days(0)', ['b', 'c', 'd']],
    ['ModificationTimestamp Ge days(-1)', ['a', 'b', 'c', 'd', 'e']],
    ['ModificationTimestamp Gt days(-1)', ['b', 'c', 'd', 'e']],
    ['ModificationTimestamp Lt days(-1)', ['g']],
    ['ModificationTimestamp Eq days(-2),days(1)', ['e', 'g']],
    ['ModificationTimestamp Bt days(-2),days(-1)', ['a', 'g']],
    ['ModificationTimestamp Eq weekdays(-2)', ['g']],
    ['ModificationTimestamp Ge months(-1)', ['a', 'b', 'c', 'd', 'e', 'g']],
    ['ModificationTimestamp Lt years(-1)', []],
    ['ModificationTimestamp Bt mindatetime(),maxdatetime()', ['a', 'b', 'c', 'd', 'e', 'g']],
    ['ModificationTimestamp Eq date(2026-11-28T01:00:00+02:00)', ['e']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('reads now() to the second, as Spark does', () => {
    const { params } = compileFilter('ModificationTimestamp Eq now()', fields, NOW);
    expect(params).toContain('2026-11-27T15:30:45.000Z');
  });
});
