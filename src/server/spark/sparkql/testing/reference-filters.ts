import type { FieldMap } from '../compile.js';

/**
 * Reference SparkQL filters, as our own test data: what Spark accepts, what it accepts but this
 * emulator's subset does not (refused naming the field or function), and what Spark refuses.
 * Each group names where its rule comes from:
 * - GRAMMAR: sparkapi/sparkql `lib/sparkql/parser.y` (the BNF) and `GRAMMAR.md`
 * - TOKENS: sparkapi/sparkql `lib/sparkql/token.rb` and `lexer.rb` (literal and keyword forms)
 * - TOOLS: sparkapi/sparkql `lib/sparkql/parser_tools.rb`, `parser_compatibility.rb` (limits, types)
 * - FUNCTIONS: sparkapi/sparkql `function_resolver.rb` and `docs/FUNCTIONS.md`
 * - TESTS: the rule a sparkapi/sparkql `test/unit/*_test.rb` case checks (our own expression)
 * - DOCS: sparkplatform.com "Search & Paging Syntax" (data types, functions, SparkQL errors)
 * The expressions are written for `REFERENCE_FIELDS`; none is copied from those files.
 */
export const REFERENCE_FIELDS: FieldMap = {
  City: { column: 'city_key', type: 'text' },
  PublicRemarks: { column: 'remarks_key', type: 'text' },
  ListPrice: { column: 'list_price', type: 'number' },
  BedsTotal: { column: 'beds', type: 'number' },
  ModificationTimestamp: { column: 'modified_at', type: 'datetime' },
  VowEnabled: { column: 'vow', type: 'boolean' },
  Id: { column: 'id', type: 'id' },
};

export interface AcceptedGroup {
  source: string;
  filters: string[];
}

/** A refused filter and the `Token` its SparkQLErrors entry names. */
export type Refusal = [filter: string, token: string];

export interface RefusedGroup {
  source: string;
  code: 1040 | 1041;
  cases: Refusal[];
}

const many = (n: number, make: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => make(i));

/** Spark accepts these, and so does the emulator (inside its subset). */
export const ACCEPTED: AcceptedGroup[] = [
  {
    source: 'GRAMMAR: expression = field OPERATOR condition; condition = literal | literal_list',
    filters: [
      'ListPrice Eq 250000',
      'ListPrice Eq 250000.0',
      'VowEnabled Eq true',
      'VowEnabled Ne false',
      "City Eq 'false'",
      "City Ne 'Fargo'",
      'BedsTotal Ge 3',
      'BedsTotal Le -1',
      'ListPrice Gt 99.5',
      'ListPrice Lt 100',
    ],
  },
  {
    source:
      'GRAMMAR: conjunction = expressions CONJUNCTION expression | expressions Not expression',
    filters: [
      'ListPrice Eq 10 And BedsTotal Ne 11',
      'ListPrice Eq 10 Or BedsTotal Ne 11',
      'ListPrice Eq 10 Not BedsTotal Ne 11',
      'ListPrice Eq 10 Or BedsTotal Ne 11 And BedsTotal Ne 9',
      "City Eq 'Moorhead' Not City Eq 'Fargo' And BedsTotal Ge 2",
    ],
  },
  {
    source:
      'GRAMMAR: group = ( expressions ), nested at most 2 levels (TOOLS: MAXIMUM_LEVEL_DEPTH)',
    filters: [
      '(ListPrice Eq 10)',
      '(ListPrice Eq 10 Or BedsTotal Ne 11)',
      '(ListPrice Eq 10 Or (BedsTotal Ne 11))',
      "City Eq 'Minot' Or (BedsTotal Eq 1 Or BedsTotal Eq 2) Or City Eq 'Bismarck'",
      "(City Eq 'Minot' And (BedsTotal Eq 1 Or BedsTotal Eq 2)) Or City Eq 'Bismarck'",
      "((City Eq 'A') Or (City Eq 'B' And ModificationTimestamp Ge 2026-05-17)) And ListPrice Ge 150000.0",
    ],
  },
  {
    source: 'GRAMMAR: unary_conjunction = Not expression, opening a filter or a group',
    filters: [
      "Not City Eq 'Fargo'",
      "Not (City Eq 'Fargo' Or City Eq 'Moorhead')",
      "Not (Not City Eq 'Fargo')",
      "Not (Not (Not City Eq 'Fargo'))",
      'ListPrice Lt 10 Or (Not BedsTotal Eq 11)',
      "City Eq 'Fargo' And (Not BedsTotal Eq 2)",
      "City Eq 'Fargo' Not (Not BedsTotal Eq 2)",
    ],
  },
  {
    source:
      'TOKENS: operators and conjunctions are read case-insensitively (lexer check_reserved_words)',
    filters: [
      'ListPrice EQ 10',
      'ListPrice eq 10.0',
      'VowEnabled eQ true',
      'ListPrice EQ 10 AND BedsTotal NE 11',
      'ListPrice eq 10 or BedsTotal ne 11',
      'ListPrice eq 10 NOT BedsTotal ne 11',
      'ListPrice bT 1,2',
      "nOt City Eq 'x'",
    ],
  },
  {
    source: 'TOKENS: NULL = /NULL|null|Null/, BOOLEAN = true|false',
    filters: [
      'City Eq NULL',
      'City Eq NULL Or BedsTotal Ne 11',
      'City Ne null',
      'ListPrice Eq Null',
      'VowEnabled Eq false',
    ],
  },
  {
    source:
      'TOKENS: INTEGER, DECIMAL (with an exponent: CHANGELOG v1.0.1), CHARACTER with \\ escapes',
    filters: [
      'ListPrice Eq -5',
      'ListPrice Eq 1.5E3',
      'ListPrice Gt 2.5e-2',
      'ListPrice Lt 9.99E99',
      "City Eq 'O\\'Brien'",
      "City Eq 'back\\\\slash'",
      "City Eq ''",
      "City Eq 'a ','A',' b'",
    ],
  },
  {
    source: 'TOKENS: DATE, DATETIME (seconds, fraction, offset with or without colon, optional)',
    filters: [
      'ModificationTimestamp Ge 2026-11-27',
      'ModificationTimestamp Gt 2026-07-26T10:22',
      'ModificationTimestamp Gt 2026-07-26T10:22:15',
      'ModificationTimestamp Gt 2026-07-26T10:22:15.1',
      'ModificationTimestamp Gt 2026-07-26T10:22:15.111111',
      'ModificationTimestamp Gt 2026-07-26T10:22:15Z',
      'ModificationTimestamp Gt 2026-11-27T10:22:15+0100',
      'ModificationTimestamp Gt 2026-11-27T10:22:15+01:00',
      'ModificationTimestamp Lt 2026-11-27T10:22:15.422804-0300',
    ],
  },
  {
    source:
      'GRAMMAR: range = rangeable , rangeable (TESTS: datetimes, functions and mixes as ranges)',
    filters: [
      'ModificationTimestamp Bt 2026-07-26T10:22:15.422804,2026-07-26T10:22:15.422805',
      'ModificationTimestamp Bt 2026-07-26T10:22:15,2026-07-26T10:22:16',
      'ModificationTimestamp Bt 2026-07-26T10:22:15.4-0300,2026-07-26T10:22:15.5-0300',
      'ModificationTimestamp Bt 2026-07-26T10:22:15+0400,2026-07-26T10:22:16+0400',
      'ModificationTimestamp Bt days(-7),days(-1)',
      'ModificationTimestamp Bt days(-7),2026-07-26',
      'ListPrice Bt 100000,250000.5',
    ],
  },
  {
    source:
      'GRAMMAR: literal_list = literals | literal_function | list , literals | list , function',
    filters: [
      'ListPrice Eq 10,11,12',
      'ListPrice Eq 1.0,2.1,3.1415',
      "City Eq 'Fargo','Moorhead'",
      "City Eq contains('arg'),'Moorhead'",
      'ModificationTimestamp Eq days(-1),days(-7),days(-30)',
      `City Eq ${many(200, (i) => `'c${i}'`).join(',')}`,
    ],
  },
  {
    source:
      'FUNCTIONS: values of now (now, days, weekdays, months, years, hours, minutes, seconds)',
    filters: [
      'ModificationTimestamp Gt now()',
      'ModificationTimestamp Ge days(-7)',
      'ModificationTimestamp Gt months(-3)',
      'ModificationTimestamp Lt years(2)',
      'ModificationTimestamp Ge weekdays(-5)',
      'ModificationTimestamp Ge hours(-6)',
      'ModificationTimestamp Ge minutes(-30)',
      'ModificationTimestamp Ge seconds(-90)',
      'ModificationTimestamp Bt mindatetime(),maxdatetime()',
      'ModificationTimestamp Eq date(2026-11-27T10:00:00Z)',
    ],
  },
  {
    source: 'FUNCTIONS: contains, startswith, endswith on character fields',
    filters: ["City Eq contains('arg')", "City Eq startswith('Far')", "City Ne endswith('go')"],
  },
  {
    source: 'FUNCTIONS: date and time functions of a datetime field (field_function_expression)',
    filters: [
      'year(ModificationTimestamp) Eq 2026',
      'month(ModificationTimestamp) Bt 6,8',
      'day(ModificationTimestamp) Eq 1,15',
      'hour(ModificationTimestamp) Lt 12',
      'minute(ModificationTimestamp) Ge 30',
      'second(ModificationTimestamp) Ne 0',
      'fractionalseconds(ModificationTimestamp) Gt 0.5',
      'date(ModificationTimestamp) Eq 2026-11-27',
      'date(ModificationTimestamp) Ge days(-7)',
      'time(ModificationTimestamp) Lt 12:30',
      'time(ModificationTimestamp) Bt 08:00,17:30:00.5',
    ],
  },
  {
    source:
      'TESTS: reserved words only as whole words (parser_test for_reserved_words_first_literals_second)',
    filters: ["City Eq 'Oregon' And BedsTotal Ge 10", "City Eq 'Equador' Or City Eq 'OrOrOr'"],
  },
  {
    source: 'TOOLS: MAXIMUM_EXPRESSIONS = 75',
    filters: [many(75, (i) => `BedsTotal Eq ${i}`).join(' Or ')],
  },
];

/** Spark accepts these; the emulator refuses them as outside its subset, naming the field or function. */
export const OUTSIDE_SUBSET: RefusedGroup[] = [
  {
    source: 'GRAMMAR: field = STANDARD_FIELD (TESTS: Oregon, Equador, OrOrOr are fields)',
    code: 1040,
    cases: [
      ['Oregon Ge 10', 'Oregon'],
      ['Equador Eq true', 'Equador'],
      ['OrOrOr Eq true', 'OrOrOr'],
      ['City2 Eq 5', 'City2'],
      ["Location Eq radius('35.12 -68.33',1.0)", 'Location'],
    ],
  },
  {
    source: 'GRAMMAR: field = CUSTOM_FIELD (TESTS: test_valid_custom_field_filters)',
    code: 1040,
    cases: [
      ['"General Property Description"."Taxes" Lt 500.0', '"General Property Description"."Taxes"'],
      ['"Garage Type"."1" Eq true', '"Garage Type"."1"'],
      ['" a "." b " Lt 500.0', '" a "." b "'],
    ],
  },
  {
    source: 'FUNCTIONS: geo, text and number functions (docs/FUNCTIONS.md)',
    code: 1040,
    cases: [
      ["City Eq radius('35.12 -68.33',1.0)", 'radius'],
      ["City Eq polygon('35.12 -68.33, 35.13 -68.33, 35.13 -68.32')", 'polygon'],
      ["City Eq rectangle('35.12 -68.33, 35.13 -68.32')", 'rectangle'],
      ["City Eq linestring('35.12 -68.33, 35.13 -68.33')", 'linestring'],
      ["City Eq wkt('POLYGON((1 1,2 2,3 3,1 1))')", 'wkt'],
      ["City Eq regex('^Far', 'i')", 'regex'],
      ["City Eq range('M01','M05')", 'range'],
      ["tolower(City) Eq 'fargo'", 'tolower'],
      ["toupper(City) Eq 'FARGO'", 'toupper'],
      ['length(City) Gt 5', 'length'],
      ["trim(City) Eq 'Fargo'", 'trim'],
      ["indexof(City,'a') Eq 1", 'indexof'],
      ["substring(City,1,2) Eq 'ar'", 'substring'],
      ["concat(City,'x') Eq 'Fargox'", 'concat'],
      ["cast(ListPrice,'character') Eq '5'", 'cast'],
      ['round(ListPrice) Eq 5', 'round'],
      ['floor(ListPrice) Eq 5', 'floor'],
      ['ceiling(ListPrice) Eq 5', 'ceiling'],
      ['dayofweek(ModificationTimestamp) Eq 1', 'dayofweek'],
      ['dayofyear(ModificationTimestamp) Eq 100', 'dayofyear'],
    ],
  },
];

/** Spark refuses these; so does the emulator, with a Fatal SparkQLErrors entry naming the token. */
export const REFUSED: RefusedGroup[] = [
  {
    source: 'GRAMMAR: Not never follows a conjunction; write A Not B or A And (Not B)',
    code: 1040,
    cases: [
      ["City Eq 'a' And Not City Eq 'b'", 'Not'],
      ["City Eq 'a' Or Not City Eq 'b'", 'Not'],
      ["Not Not City Eq 'a'", 'Not'],
      ["City Eq 'a' Not Not City Eq 'b'", 'Not'],
      ["City Eq 'a' AND not City Eq 'b'", 'not'],
    ],
  },
  {
    source: 'GRAMMAR: a literal (date, datetime, time, boolean, NULL) is never part of a list',
    code: 1040,
    cases: [
      ["City Eq NULL,'x'", 'NULL'],
      ["City Eq 'x',null", 'null'],
      ['VowEnabled Eq true,false', 'true'],
      ['ModificationTimestamp Eq 2026-11-25,2026-11-28', '2026-11-25'],
      ['ModificationTimestamp Eq 2026-11-25T10:00:00Z,days(-1)', '2026-11-25T10:00:00Z'],
      ['ModificationTimestamp Eq days(-1),2026-11-28', '2026-11-28'],
    ],
  },
  {
    source: 'GRAMMAR: range = two rangeables (numbers, dates, datetimes, times, functions)',
    code: 1040,
    cases: [
      ["City Bt 'a','m'", "'a'"],
      ['ListPrice Bt 1', 'Bt'],
      ['ListPrice Bt 1,2,3', 'Bt'],
      ['ListPrice Bt NULL,5', 'NULL'],
    ],
  },
  {
    source:
      'TOOLS: Gt, Ge, Lt, Le take one value and not character, boolean or NULL (test_invalid_operators)',
    code: 1040,
    cases: [
      ["City Gt 'My String'", 'Gt'],
      ["City Ge 'My String'", 'Ge'],
      ["City Lt 'My String'", 'Lt'],
      ["City Le 'My String'", 'Le'],
      ['City Gt NULL', 'Gt'],
      ['VowEnabled Lt true', 'Lt'],
      ['ListPrice Gt NULL', 'NULL'],
      ['ListPrice Ge 1,2', 'Ge'],
      ["Id Gt '20261127093015123456000001'", 'Gt'],
    ],
  },
  {
    source: 'TOKENS: CHARACTER = quoted with \\ escapes only; a doubled quote ends the text',
    code: 1040,
    cases: [
      ["City Eq 'Fargo''s'", "'s'"],
      ["City Eq 'O''Brien','x'", "'Brien'"],
      ["City Eq 'open", "'open"],
      ['City Eq "Fargo"', '"'],
    ],
  },
  {
    source: 'TOKENS: only true, false, NULL, null, Null; functions are KEYWORDs (lower case)',
    code: 1040,
    cases: [
      ['VowEnabled Eq TRUE', 'TRUE'],
      ['VowEnabled Eq True', 'True'],
      ['VowEnabled Eq FALSE', 'FALSE'],
      ['City Eq nULL', 'nULL'],
      ["City Eq Contains('a')", 'Contains'],
      ["City Eq StartsWith('a')", 'StartsWith'],
      ['ModificationTimestamp Gt Now()', 'Now'],
      ['ModificationTimestamp Gt dAYS(-1)', 'dAYS'],
    ],
  },
  {
    source:
      'TOKENS: DECIMAL has a fraction before its exponent, whose sign is - only, 1 or 2 digits',
    code: 1040,
    cases: [
      ['ListPrice Eq 1E3', '1E3'],
      ['ListPrice Eq 1.5e+3', '1.5e+3'],
      ['ListPrice Eq 1.5E100', '1.5E100'],
      ['ListPrice Eq 12abc', '12abc'],
    ],
  },
  {
    source: 'TOKENS: DATETIME with capital T and Z, DATE as YYYY-MM-DD',
    code: 1040,
    cases: [
      ['ModificationTimestamp Eq 2026-11-27t10:00:00Z', '2026-11-27t10:00:00Z'],
      ['ModificationTimestamp Eq 2026-11-27T10:00:00z', '2026-11-27T10:00:00z'],
      ['ModificationTimestamp Eq 2026-1-27', '2026-1-27'],
      ['ModificationTimestamp Eq 2026-02-30', '2026-02-30'],
    ],
  },
  {
    source: 'TESTS: unknown operators and words (test_bad_queries, test_invalid_syntax)',
    code: 1040,
    cases: [
      ["City IsLikeA 'Town'", 'IsLikeA'],
      ['ListPrice Eq DERP', 'DERP'],
      ["City Eq 'a' Xor City Eq 'b'", 'Xor'],
      ["City Eq 'a' And", 'And'],
      ['()', ')'],
    ],
  },
  {
    source:
      'TESTS: custom field names may not start with $ or hold a dot (test_invalid_custom_field_filters)',
    code: 1040,
    cases: [
      ['"$General Property Description"."Taxes" Lt 500.0', '"'],
      ['"General.Description"."Taxes" Lt 500.0', '"'],
      ['"".""  Lt 500.0', '"'],
    ],
  },
  {
    source: 'FUNCTIONS: names Spark does not know, and wrong arguments',
    code: 1040,
    cases: [
      ['ModificationTimestamp Gt then()', 'then'],
      ['ModificationTimestamp Gt days()', 'days'],
      ["ModificationTimestamp Gt days('bad value')", 'days'],
      ["ModificationTimestamp Gt now('bad value')", 'now'],
    ],
  },
  {
    source:
      'TOOLS: limits (MAXIMUM_LEVEL_DEPTH 2, MAXIMUM_EXPRESSIONS 75, MAXIMUM_MULTIPLE_VALUES 200)',
    code: 1041,
    cases: [
      ["(((City Eq 'a')))", '('],
      ["Not (Not (Not (Not City Eq 'a')))", '('],
      [many(76, (i) => `BedsTotal Eq ${i}`).join(' Or '), 'BedsTotal'],
      [`City Eq ${many(201, (i) => `'c${i}'`).join(',')}`, "'c200'"],
    ],
  },
];
