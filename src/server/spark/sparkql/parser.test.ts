import { describe, expect, it } from 'vitest';
import { SparkError } from '../errors.js';
import { compileFilter, type FieldMap } from './index.js';
import { parseFilter, type Expr, type Value } from './parser.js';

const fields: FieldMap = {
  Name: { column: 'name_key', type: 'text' },
  Id: { column: 'id', type: 'id' },
  VowEnabled: { column: 'vow', type: 'boolean' },
  ListPrice: { column: 'price', type: 'number' },
  ModificationTimestamp: { column: 'modified_at', type: 'datetime' },
};

/** The AST as a compact string: comparisons as `Field Op v1|v2`, groups in brackets. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'comparison': {
      const subject =
        expr.subject.kind === 'call' ? `${expr.subject.name}(${expr.field.raw})` : expr.field.raw;
      return `${subject} ${expr.operator} ${expr.values.map(showValue).join('|')}`;
    }
    case 'not':
      return `not[${shape(expr.item)}]`;
    default:
      return `${expr.kind}[${expr.items.map(shape).join('; ')}]`;
  }
}

function showValue(value: Value): string {
  switch (value.kind) {
    case 'text':
      return value.segments.join('*');
    case 'match':
      return `${value.fn}(${value.segments.join('*')})`;
    case 'instant':
      return value.span.toInclusive ? value.span.from : `${value.span.from}..${value.span.to}`;
    case 'null':
      return 'NULL';
    case 'call':
      return `${value.name}(${value.args.map((arg) => arg.token.raw).join(',')})`;
    default:
      return String(value.value);
  }
}

function failure(filter: string, fieldMap: FieldMap = fields) {
  try {
    compileFilter(filter, fieldMap);
  } catch (error) {
    if (!(error instanceof SparkError)) throw error;
    const body = error.toBody().D;
    return {
      status: error.status,
      code: body.Code,
      message: body.Message,
      token: body.SparkQLErrors?.[0]?.Token,
      errors: body.SparkQLErrors,
    };
  }
  throw new Error(`expected ${filter} to be rejected`);
}

const expressions = (n: number) =>
  Array.from({ length: n }, (_, i) => `Name Eq 'n${i}'`).join(' Or ');

describe('parseFilter: valid filters', () => {
  it.each([
    ["Name Eq 'Stone'", 'Name Eq Stone'],
    ["Name Ne 'Stone'", 'Name Ne Stone'],
    ['ListPrice Gt 100000', 'ListPrice Gt 100000'],
    ['ListPrice Ge 1.5', 'ListPrice Ge 1.5'],
    ['ListPrice Lt -3', 'ListPrice Lt -3'],
    ['ListPrice Le 1.5E3', 'ListPrice Le 1500'],
    ['ListPrice Bt 1.25e-2,2.5E2', 'ListPrice Bt 0.0125|250'],
    ["Name Eq 'a','b' , 'c'", 'Name Eq a|b|c'],
    ["Name Ne 'a','b'", 'Name Ne a|b'],
    ['ListPrice Eq 1,2.5,-3', 'ListPrice Eq 1|2.5|-3'],
    ['VowEnabled Eq true', 'VowEnabled Eq true'],
    ['VowEnabled Ne false', 'VowEnabled Ne false'],
    ['Name Eq NULL', 'Name Eq NULL'],
    ['Name Ne null', 'Name Ne NULL'],
    ['Name Eq Null', 'Name Eq NULL'],
    ["Name Eq contains('to')", "Name Eq contains('to')"],
    ["Name Eq startswith('St')", "Name Eq startswith('St')"],
    ["Name Ne endswith('ne')", "Name Ne endswith('ne')"],
    ["Name Eq 'a',contains('b')", "Name Eq a|contains('b')"],
    ["Name Eq 'Ste*'", 'Name Eq Ste*'],
    ["Name Eq 'a\\*b'", 'Name Eq a*b'],
    ['ModificationTimestamp Gt days(-7)', 'ModificationTimestamp Gt days(-7)'],
    ['ModificationTimestamp Bt days(-7),now()', 'ModificationTimestamp Bt days(-7)|now()'],
    ['ModificationTimestamp Eq days(-1),days(-2)', 'ModificationTimestamp Eq days(-1)|days(-2)'],
    ['year(ModificationTimestamp) Eq 2026', 'year(ModificationTimestamp) Eq 2026'],
    ['time(ModificationTimestamp) Lt 12:30', 'time(ModificationTimestamp) Lt 12:30:00.000'],
  ])('%s', (filter, expected) => {
    expect(shape(parseFilter(filter))).toBe(expected);
  });

  it('keeps a wildcard apart from an escaped star', () => {
    const expr = parseFilter("Name Eq 'a\\*b*c'");
    expect(expr.kind === 'comparison' && expr.values[0]).toMatchObject({ segments: ['a*b', 'c'] });
  });

  it.each([
    ["Name Eq 'O\\'Brien'", "O'Brien"],
    ["Name Eq 'back\\\\slash'", 'back\\slash'],
    ["Name Eq ''", ''],
    ["Name Eq '\\''", "'"],
  ])('unescapes %s', (filter, text) => {
    const expr = parseFilter(filter);
    expect(expr.kind === 'comparison' && expr.values[0]).toMatchObject({ segments: [text] });
  });

  it('reads operators and conjunctions in any case', () => {
    expect(shape(parseFilter("Name eq 'a' AND Name NE 'b' or (NOT ListPrice bT 1,2)"))).toBe(
      'or[and[Name Eq a; Name Ne b]; not[ListPrice Bt 1|2]]',
    );
    expect(shape(parseFilter("Name eQ 'a' nOT Name Eq 'b'"))).toBe(
      'and[Name Eq a; not[Name Eq b]]',
    );
  });

  it('reads field names that begin with a reserved word as fields', () => {
    expect(shape(parseFilter('Oregon Ge 10 And Equador Eq true'))).toBe(
      'and[Oregon Ge 10; Equador Eq true]',
    );
    expect(shape(parseFilter('OrOrOr Eq 1'))).toBe('OrOrOr Eq 1');
  });

  it('binds And tighter than Or', () => {
    expect(shape(parseFilter("Name Eq 'a' Or Name Eq 'b' And Name Eq 'c'"))).toBe(
      'or[Name Eq a; and[Name Eq b; Name Eq c]]',
    );
    expect(shape(parseFilter("Name Eq 'a' And Name Eq 'b' Or Name Eq 'c'"))).toBe(
      'or[and[Name Eq a; Name Eq b]; Name Eq c]',
    );
  });

  it('lets parentheses override precedence', () => {
    expect(shape(parseFilter("(Name Eq 'a' Or Name Eq 'b') And Name Eq 'c'"))).toBe(
      'and[or[Name Eq a; Name Eq b]; Name Eq c]',
    );
  });

  it('reads A Not B as A And Not B, binding like And', () => {
    expect(shape(parseFilter("Name Eq 'a' Not Name Eq 'b'"))).toBe(
      'and[Name Eq a; not[Name Eq b]]',
    );
    expect(shape(parseFilter("Name Eq 'a' Not Name Eq 'b' Or Name Eq 'c'"))).toBe(
      'or[and[Name Eq a; not[Name Eq b]]; Name Eq c]',
    );
    expect(shape(parseFilter("Name Eq 'a' Not (Not Name Eq 'b')"))).toBe(
      'and[Name Eq a; not[not[Name Eq b]]]',
    );
  });

  it('reads a Not that opens a filter or a group', () => {
    expect(shape(parseFilter("Not Name Eq 'a'"))).toBe('not[Name Eq a]');
    expect(shape(parseFilter("Not Name Eq 'a' Or Name Eq 'b'"))).toBe(
      'or[not[Name Eq a]; Name Eq b]',
    );
    expect(shape(parseFilter("Not (Name Eq 'a' Or Name Eq 'b')"))).toBe(
      'not[or[Name Eq a; Name Eq b]]',
    );
    expect(shape(parseFilter("Not (Not Name Eq 'a')"))).toBe('not[not[Name Eq a]]');
    expect(shape(parseFilter("Name Eq 'a' And (Not Name Eq 'b')"))).toBe(
      'and[Name Eq a; not[Name Eq b]]',
    );
    expect(shape(parseFilter("Name Eq 'a' Or (Not Name Eq 'b')"))).toBe(
      'or[Name Eq a; not[Name Eq b]]',
    );
  });

  it('accepts parentheses two levels deep', () => {
    expect(
      shape(parseFilter("((Name Eq 'a' Or Name Eq 'b') And Name Eq 'c') Or (Name Eq 'd')")),
    ).toBe('or[and[or[Name Eq a; Name Eq b]; Name Eq c]; Name Eq d]');
    expect(() => compileFilter("((Name Eq 'a'))", fields)).not.toThrow();
    expect(() => compileFilter("Not (Not (Not Name Eq 'a'))", fields)).not.toThrow();
  });

  it('accepts 75 expressions and lists of 200 values', () => {
    expect(() => compileFilter(expressions(75), fields)).not.toThrow();
    const list = Array.from({ length: 200 }, (_, i) => `'v${i}'`).join(',');
    expect(() => compileFilter(`Name Eq ${list}`, fields)).not.toThrow();
  });

  it.each([
    ['2026-11-27', '2026-11-27T00:00:00.000Z..2026-11-28T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z..2024-03-01T00:00:00.000Z'],
    ['2026-12-31', '2026-12-31T00:00:00.000Z..2027-01-01T00:00:00.000Z'],
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00Z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00:00', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00:00.5Z', '2026-11-27T10:00:00.500Z'],
    ['2026-11-27T10:00:00.123456Z', '2026-11-27T10:00:00.123Z'],
    ['2026-11-27T10:00:00-06:00', '2026-11-27T16:00:00.000Z'],
    ['2026-11-27T10:22:15+0100', '2026-11-27T09:22:15.000Z'],
    ['2026-11-27T10:22:15.422804-0300', '2026-11-27T13:22:15.422Z'],
    ['2026-11-27T01:30:00+02:00', '2026-11-26T23:30:00.000Z'],
    ['2026-11-27T23:30:00.250-05:30', '2026-11-28T05:00:00.250Z'],
  ])('reads the date literal %s', (literal, expected) => {
    expect(shape(parseFilter(`ModificationTimestamp Eq ${literal}`))).toBe(
      `ModificationTimestamp Eq ${expected}`,
    );
  });

  it('tolerates spaces, tabs and line breaks', () => {
    expect(shape(parseFilter("\n  Name\tEq   'a'  ,'b'\r\n"))).toBe('Name Eq a|b');
  });
});

describe('compileFilter: refused filters', () => {
  it.each([
    // [filter, Token, Message]
    ["Foo Eq 'x'", 'Foo', "Unknown field 'Foo'"],
    ["name Eq 'x'", 'name', "Unknown field 'name'"],
    ["constructor Eq 'x'", 'constructor', "Unknown field 'constructor'"],
    ["Name_Key Eq 'x'", 'Name_Key', "Unknown field 'Name_Key'"],
    ['"General"."Taxes" Lt 500.0', '"General"."Taxes"', expect.stringMatching(/Custom field/)],
    ["Name Is 'x'", 'Is', "Unknown operator 'Is'"],
    ["Name 'x'", "'x'", "Unknown operator ''x''"],
    ['ListPrice Add 5 Gt 10', 'Add', expect.stringMatching(/Arithmetic/)],
    ['ListPrice Eq 5 Mul 2', 'Mul', expect.stringMatching(/Arithmetic/)],
    ['Name Eq Stone', 'Stone', "Unexpected token 'Stone'"],
    ["Name Eq 'a' 'b'", "'b'", "Unexpected token 'b'"],
    ["Name Eq 'a' Xor Name Eq 'b'", 'Xor', "Unexpected token 'Xor'"],
    ["Name Eq 'a' And", 'And', "The filter ends too early after 'And'"],
    ['Name Eq', 'Eq', "The filter ends too early after 'Eq'"],
    ["Name Eq 'a',", ',', "The filter ends too early after ','"],
    ["Name Eq 'a',,'b'", ',', "Unexpected token ','"],
    ["And Eq 'x'", 'And', "Unexpected token 'And'"],
    ["(Name Eq 'a'", "'a'", "The filter ends too early after ''a''"],
    ["Name Eq 'a')", ')', "Unexpected token ')'"],
    ['()', ')', "Unexpected token ')'"],
    ['5 Eq ListPrice', '5', "Unexpected token '5'"],
    ["Name Eq 'abc", "'abc", "Unterminated text 'abc"],
    ["Name Eq 'abc\\'", "'abc\\'", "Unterminated text 'abc\\'"],
    ['Name Eq "abc"', '"', `Unexpected character '"'`],
    ["Name Eq 'a' && Name Eq 'b'", '&', "Unexpected character '&'"],
    ["Name Eq 'a'; DROP TABLE t", ';', "Unexpected character ';'"],
    ["Name Eq\u00a0'a'", '\u00a0', "Unexpected character '\u00a0'"],
    ['ListPrice Eq 12abc', '12abc', "Unexpected token '12abc'"],
    ['ListPrice Eq 1E3', '1E3', "Unexpected token '1E3'"],
    ['ListPrice Eq 1.5e+3', '1.5e+3', "Unexpected token '1.5e+3'"],
    ['ListPrice Eq 1.5e123', '1.5e123', "Unexpected token '1.5e123'"],
    ['ModificationTimestamp Eq 2026-11-27X', '2026-11-27X', "Unexpected token '2026-11-27X'"],
    ['ModificationTimestamp Eq 2026-02-30', '2026-02-30', "Invalid date '2026-02-30'"],
    ['ModificationTimestamp Eq 2026-13-01', '2026-13-01', "Invalid date '2026-13-01'"],
    ['ModificationTimestamp Eq 2026-11-00', '2026-11-00', "Invalid date '2026-11-00'"],
    [
      'ModificationTimestamp Eq 2026-11-27T24:00:00Z',
      '2026-11-27T24:00:00Z',
      "Invalid date '2026-11-27T24:00:00Z'",
    ],
    [
      'ModificationTimestamp Eq 2026-11-27T10:00:00+25:00',
      '2026-11-27T10:00:00+25:00',
      "Invalid date '2026-11-27T10:00:00+25:00'",
    ],
    // Spark writes T and Z in capitals only
    [
      'ModificationTimestamp Eq 2026-11-27t10:00:00z',
      '2026-11-27t10:00:00z',
      "Unexpected token '2026-11-27t10:00:00z'",
    ],
    ['time(ModificationTimestamp) Eq 25:00', '25:00', "Invalid time '25:00'"],
  ])('%s -> 1040 naming %s', (filter, token, message) => {
    const error = failure(filter);
    expect(error).toMatchObject({ status: 400, code: 1040, token, message });
    expect(error.errors).toEqual([{ Token: token, Status: 'Fatal', Message: error.message }]);
  });

  it.each([
    // Not never follows another conjunction (sparkql parser.y: `conjunction` and `unary_conjunction`)
    ["Name Eq 'a' And Not Name Eq 'b'", 'Not', /'And Not' is not SparkQL/],
    ["Name Eq 'a' Or Not Name Eq 'b'", 'Not', /'Or Not' is not SparkQL/],
    ["Name Eq 'a' and not Name Eq 'b'", 'not', /'and not' is not SparkQL/],
    ["Not Not Name Eq 'a'", 'Not', /'Not' cannot follow 'Not'/],
    ["Name Eq 'a' Not Not Name Eq 'b'", 'Not', /'Not' cannot follow 'Not'/],
    ["(Not Not Name Eq 'a')", 'Not', /'Not' cannot follow 'Not'/],
    // a quote inside text is \' only
    ["Name Eq 'Fargo''s'", "'s'", /a quote inside text is written \\'/],
    ["Name Eq 'O''Brien','x'", "'Brien'", /a quote inside text is written \\'/],
    // only true, false, NULL, null and Null
    ['VowEnabled Eq TRUE', 'TRUE', "'TRUE' is not a value; write true or false"],
    ['VowEnabled Eq False', 'False', "'False' is not a value; write true or false"],
    ['VowEnabled Eq fALSE', 'fALSE', "'fALSE' is not a value; write true or false"],
    ['Name Eq nULL', 'nULL', "'nULL' is not a value; write NULL, null or Null"],
    ['Name Eq NuLL', 'NuLL', "'NuLL' is not a value; write NULL, null or Null"],
    // function names are lower case
    ["Name Eq Contains('a')", 'Contains', /function names are written in lower case/],
    ["Name Eq StartsWith('a')", 'StartsWith', /function names are written in lower case/],
    ["Name Eq sTARTSWITH('a')", 'sTARTSWITH', /function names are written in lower case/],
    ['ModificationTimestamp Gt NOW()', 'NOW', /function names are written in lower case/],
    ['Year(ModificationTimestamp) Eq 2026', 'Year', /function names are written in lower case/],
    // a list holds numbers, texts and functions only
    [
      "Name Eq NULL,'x'",
      'NULL',
      'NULL cannot be part of a list; only numbers, texts and functions can',
    ],
    ["Name Eq 'x',null", 'null', /null cannot be part of a list/],
    ['VowEnabled Eq true,false', 'true', /true cannot be part of a list/],
    ['ModificationTimestamp Eq 2026-11-25,2026-11-28', '2026-11-25', /cannot be part of a list/],
    ['ModificationTimestamp Eq days(-1),2026-11-28', '2026-11-28', /cannot be part of a list/],
    // Bt takes exactly two numbers, dates, datetimes, times or functions
    ["Name Bt 'a','m'", "'a'", /cannot be a bound of 'Bt'/],
    ['ModificationTimestamp Bt NULL,NULL', 'NULL', /cannot be a bound of 'Bt'/],
    ['VowEnabled Bt false,true', 'false', /cannot be a bound of 'Bt'/],
    ['ListPrice Bt 1', 'Bt', "'Bt' needs two values: low,high"],
    ['ListPrice Bt 1,2,3', 'Bt', "'Bt' needs two values: low,high"],
    ['ListPrice Gt 1,2', 'Gt', "'Gt' takes a single value"],
  ])('%s -> 1040 naming %s', (filter, token, message) => {
    const error = failure(filter);
    expect(error).toMatchObject({ status: 400, code: 1040, token });
    expect(error.message).toMatch(message);
    expect(error.errors).toEqual([{ Token: token, Status: 'Fatal', Message: error.message }]);
  });

  it.each([
    // ordered comparisons apply to numbers, dates and times only
    ["Name Gt 'm'", 'Gt', "Operator 'Gt' cannot be used with field 'Name'"],
    ["Name Ge 'm'", 'Ge', "Operator 'Ge' cannot be used with field 'Name'"],
    ["Name Lt 'm'", 'Lt', "Operator 'Lt' cannot be used with field 'Name'"],
    ["Name Le 'm'", 'Le', "Operator 'Le' cannot be used with field 'Name'"],
    ['Name Bt 1,2', 'Bt', "Operator 'Bt' cannot be used with field 'Name'"],
    ['VowEnabled Gt false', 'Gt', "Operator 'Gt' cannot be used with field 'VowEnabled'"],
    ["Id Gt '1'", 'Gt', "Operator 'Gt' cannot be used with field 'Id'"],
    ['Id Bt 1,2', 'Bt', "Operator 'Bt' cannot be used with field 'Id'"],
    // values of another type than the field's
    ['Name Eq 5', '5', "Value 5 cannot be used with 'Name Eq'"],
    ['Name Eq 2026-11-27', '2026-11-27', "Value 2026-11-27 cannot be used with 'Name Eq'"],
    ["Name Eq 'a',5", '5', "Value 5 cannot be used with 'Name Eq'"],
    ["VowEnabled Eq 'x'", "'x'", "Value 'x' cannot be used with 'VowEnabled Eq'"],
    ['VowEnabled Eq 1', '1', "Value 1 cannot be used with 'VowEnabled Eq'"],
    ['Id Eq 20261127093015123456000001', '20261127093015123456000001', expect.any(String)],
    ["Id Eq '2026*'", "'2026*'", "Value '2026*' cannot be used with 'Id Eq'"],
    ["Id Eq contains('2026')", 'contains', "Value contains cannot be used with 'Id Eq'"],
    ["ListPrice Eq '5'", "'5'", "Value '5' cannot be used with 'ListPrice Eq'"],
    ["ListPrice Gt contains('5')", 'contains', "Value contains cannot be used with 'ListPrice Gt'"],
    ['ListPrice Gt NULL', 'NULL', "Value NULL cannot be used with 'ListPrice Gt'"],
    ["ModificationTimestamp Eq '2026-11-27'", "'2026-11-27'", expect.any(String)],
    ['ModificationTimestamp Gt true', 'true', expect.any(String)],
    ['ModificationTimestamp Gt 10:00', '10:00', expect.any(String)],
    ['ModificationTimestamp Gt 5', '5', expect.any(String)],
    ['ModificationTimestamp Gt NULL', 'NULL', expect.any(String)],
    [
      'date(ModificationTimestamp) Eq 2026-11-27T10:00:00Z',
      '2026-11-27T10:00:00Z',
      "Value 2026-11-27T10:00:00Z cannot be used with 'date(ModificationTimestamp) Eq'",
    ],
    [
      'year(ModificationTimestamp) Eq 2026-01-01',
      '2026-01-01',
      "Value 2026-01-01 cannot be used with 'year(ModificationTimestamp) Eq'",
    ],
  ])('%s -> 1040 naming %s', (filter, token, message) => {
    const error = failure(filter);
    expect(error).toMatchObject({ status: 400, code: 1040, token, message });
    expect(error.errors).toEqual([{ Token: token, Status: 'Fatal', Message: error.message }]);
  });

  it.each([
    // functions of Spark outside the subset: refused by name, never as a syntax error
    ["Name Eq regex('^St')", 'regex', "Function 'regex' is not supported by this service"],
    ["Name Eq range('a','m')", 'range', "Function 'range' is not supported by this service"],
    ["tolower(Name) Eq 'stone'", 'tolower', "Function 'tolower' is not supported by this service"],
    ["Name Eq radius('45.0 -93.0',5.0)", 'radius', /radius/],
    ["Name Eq polygon('1 2,3 4,5 6')", 'polygon', /polygon/],
    ['dayofweek(ModificationTimestamp) Eq 1', 'dayofweek', /dayofweek/],
    ['substring(Name,1,2) Eq 2', 'substring', /substring/],
    // names Spark does not know
    ["Name Eq upper('a')", 'upper', "Unsupported function call 'upper'"],
    ['ModificationTimestamp Gt yesterday()', 'yesterday', "Unsupported function call 'yesterday'"],
    // functions used with the wrong arguments or on the wrong side
    ['ModificationTimestamp Gt days()', 'days', "Function call 'days' takes 1 argument"],
    ['ModificationTimestamp Gt days(1.5)', 'days', /has an invalid argument at 1.5/],
    ["ModificationTimestamp Gt days('1')", 'days', /has an invalid argument at '1'/],
    ['ModificationTimestamp Gt now(1)', 'now', "Function call 'now' takes 0 arguments"],
    ['Name Eq contains(5)', 'contains', /has an invalid argument at 5/],
    ["Name Eq contains('a','b')", 'contains', "Function call 'contains' takes 1 argument"],
    ['ModificationTimestamp Eq year(2026-01-01)', 'year', /cannot be used on this side/],
    ['now() Gt 2026-01-01', 'now', /cannot be used on this side/],
    ['year(Name) Eq 2026', 'year', "Function 'year' cannot be used with field 'Name'"],
    ['year(Nope) Eq 2026', 'Nope', "Unknown field 'Nope'"],
    ['year(2026) Eq 2026', 'year', "Function call 'year' takes one field"],
    ['ModificationTimestamp Gt days(99999999)', 'days', /outside the years 0000 to 9999/],
    ['ModificationTimestamp Gt years(-3000)', 'years', /outside the years 0000 to 9999/],
    ["Name Eq contains('a'", "'a'", "The filter ends too early after ''a''"],
  ])('%s -> 1040 naming %s', (filter, token, message) => {
    const error = failure(filter);
    expect(error).toMatchObject({ status: 400, code: 1040, token });
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/Unexpected/);
    expect(error.errors).toEqual([{ Token: token, Status: 'Fatal', Message: error.message }]);
  });

  it('answers every limit with 1041 and a SparkQLErrors entry naming where it is crossed', () => {
    expect(failure("(((Name Eq 'a')))")).toMatchObject({ status: 400, code: 1041, token: '(' });
    expect(failure("(Name Eq 'a' Or ((Name Eq 'b' And (Name Eq 'c'))))")).toMatchObject({
      code: 1041,
    });
    expect(failure("Not (Not (Not (Name Eq 'a')))")).toMatchObject({ code: 1041 });
    expect(failure(expressions(76))).toMatchObject({ status: 400, code: 1041, token: 'Name' });
    const list = Array.from({ length: 201 }, (_, i) => `'v${i}'`).join(',');
    expect(failure(`Name Eq ${list}`)).toMatchObject({ code: 1041, token: "'v200'" });
    for (const filter of [expressions(76), `Name Eq ${list}`, "(((Name Eq 'a')))"]) {
      const error = failure(filter);
      expect(error.errors).toEqual([
        { Token: error.token, Status: 'Fatal', Message: error.message },
      ]);
    }
  });

  it('refuses a filter longer than 4000 characters with 1041 naming what lies past the limit', () => {
    const long = `Name Eq '${'a'.repeat(4000)}'`;
    const error = failure(long);
    expect(error).toMatchObject({ status: 400, code: 1041, token: `${'a'.repeat(9)}'` });
    expect(error.errors).toHaveLength(1);
    const exactly4000 = `Name Eq '${'a'.repeat(4000 - 10)}'`;
    expect(exactly4000).toHaveLength(4000);
    expect(() => compileFilter(exactly4000, fields)).not.toThrow();
  });

  it('treats a blank filter as no filter', () => {
    expect(compileFilter('  ', fields)).toEqual({ sql: '(1 = 1)', params: [] });
  });
});
