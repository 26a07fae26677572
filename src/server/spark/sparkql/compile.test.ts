import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { foldKey } from '../store/text.js';
import { compileFilter, type FieldMap } from './index.js';

const fields: FieldMap = {
  Name: { column: 'p.name_key', type: 'text' },
  PrimaryEmail: { column: 'p.email_key', type: 'text' },
  Id: { column: 'p.id', type: 'id' },
  VowEnabled: { column: 'p.vow', type: 'boolean' },
  ModificationTimestamp: { column: 'p.modified_at', type: 'datetime' },
};

const people = [
  ['a', 'Álvarez', 'al@example.com', 1, '2026-11-26T23:59:59Z'],
  ['b', 'Avery Stone', null, 0, '2026-11-27T00:00:00Z'],
  ['c', "Steve O'Brien", 'steve@example.com', 1, '2026-11-27T10:00:00.500Z'],
  ['d', '100% Real_Estate', 'info@real.com', 0, '2026-11-27T23:59:59.999Z'],
  ['e', 'Dana de la Cruz', null, 1, '2026-11-28T00:00:00Z'],
  ['f', 'Zoë Back\\slash', 'zoe@example.com', 0, null],
  ['g', 'Ray Lee', 'RAY@Example.com', 0, '2026-11-25T08:00:00Z'],
] as const;
const everyone: string[] = people.map(([key]) => key);
const idOf = (key: string) => `2026112709301512345600000${everyone.indexOf(key)}`;

const db = new Database(':memory:');
db.exec(`CREATE TABLE people (
  key TEXT, id TEXT NOT NULL, name_key TEXT NOT NULL, email_key TEXT, vow INTEGER NOT NULL,
  modified_at TEXT)`);
db.exec('CREATE INDEX people_modified ON people(modified_at)');
const insert = db.prepare('INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)');
for (const [key, name, email, vow, modified] of people) {
  insert.run(key, idOf(key), foldKey(name), email && foldKey(email), vow, modified);
}
afterAll(() => db.close());

function matching(filter: string, where = '1 = 1'): string[] {
  const { sql, params } = compileFilter(filter, fields);
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
    ["Name Eq 'steve o''brien'", ['c']],
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
    ["Name Bt 'avery stone','dana de la cruz'", ['b', 'e']],
    ["Name Gt 'ray lee'", ['c', 'f']],
    ["Name Ge 'Ray Lee'", ['c', 'f', 'g']],
    ["Name Lt 'avery stone'", ['a', 'd']],
    ["Name Le 'AVERY STONE'", ['a', 'b', 'd']],
    ["Name Bt 'z','a'", []],
  ])('compares folded text in order: %s', (filter, expected) => {
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
    ["PrimaryEmail Eq NULL,'zoe@example.com'", ['b', 'e', 'f']],
    ["PrimaryEmail Ne NULL,'zoe@example.com'", ['a', 'c', 'd', 'g']],
    ["PrimaryEmail Eq 'ray@example.com'", ['g']],
    ["PrimaryEmail Ne 'al@example.com'", others('a')],
    ["Not PrimaryEmail Eq 'al@example.com'", others('a')],
    ["PrimaryEmail Eq contains('example')", ['a', 'c', 'f', 'g']],
    ["PrimaryEmail Ne contains('example')", ['b', 'd', 'e']],
    ["PrimaryEmail Gt 'm'", ['c', 'f', 'g']],
    ["Not PrimaryEmail Gt 'm'", ['a', 'b', 'd', 'e']],
    ['ModificationTimestamp Eq NULL', ['f']],
    ['ModificationTimestamp Ne 2026-11-27', ['a', 'e', 'f', 'g']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('makes Not and Ne exact complements, NULL rows included', () => {
    const filters = [
      "PrimaryEmail Eq contains('example')",
      "PrimaryEmail Bt 'a','m'",
      'ModificationTimestamp Gt 2026-11-26',
      "Name Eq 'ray lee' Or PrimaryEmail Eq NULL",
      "VowEnabled Eq true And PrimaryEmail Le 'steve@example.com'",
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
    ['VowEnabled Eq False', ['b', 'd', 'f', 'g']],
    ['VowEnabled Ne true', ['b', 'd', 'f', 'g']],
    ['VowEnabled Eq true,false', everyone],
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
    ['ModificationTimestamp Eq 2026-11-25,2026-11-28', ['e', 'g']],
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
    ['not VowEnabled eq true AND NOT PrimaryEmail eQ null', ['d', 'f', 'g']],
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
  it('keeps a quote-doubling injection inside a parameter', () => {
    const { sql, params } = compileFilter("Name Eq 'x'') OR 1=1 --'", fields);
    expect(params).toEqual(["x') or 1=1 --"]);
    expect(sql).not.toContain('1=1');
    expect(matching("Name Eq 'x'') OR 1=1 --'")).toEqual([]);
  });

  it('keeps a backslash-escaped injection inside a parameter', () => {
    expect(matching("Name Eq 'x\\'; DROP TABLE people; --'")).toEqual([]);
    expect(matching("Name Eq contains('\\') OR 1=1 --')")).toEqual([]);
    expect(matching('VowEnabled Eq true')).toEqual(['a', 'c', 'e']);
  });

  it.each([
    "Name Eq 'Avery Stone','ray*',contains('x'),NULL",
    "Name Bt 'a','m' Or PrimaryEmail Gt 'z'",
    "Id Eq '20261127093015123456000001' And VowEnabled Eq true",
    'ModificationTimestamp Bt 2026-11-26,2026-11-27T10:00:00-06:00',
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
