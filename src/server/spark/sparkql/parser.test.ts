import { describe, expect, it } from 'vitest';
import { SparkError } from '../errors.js';
import { compileFilter, type FieldMap } from './index.js';
import { parseFilter, type Expr } from './parser.js';

const fields: FieldMap = {
  Name: { column: 'name_key', type: 'text' },
  Id: { column: 'id', type: 'id' },
  VowEnabled: { column: 'vow', type: 'boolean' },
  ModificationTimestamp: { column: 'modified_at', type: 'datetime' },
};

/** The AST as a compact string: comparisons as `Field Op v1|v2`, groups in brackets. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'comparison':
      return `${expr.field.raw} ${expr.operator} ${expr.values.map(showValue).join('|')}`;
    case 'not':
      return `not[${shape(expr.item)}]`;
    default:
      return `${expr.kind}[${expr.items.map(shape).join('; ')}]`;
  }
}

function showValue(value: Extract<Expr, { kind: 'comparison' }>['values'][number]): string {
  switch (value.kind) {
    case 'text':
      return value.segments.join('*');
    case 'match':
      return `${value.fn}(${value.segments.join('*')})`;
    case 'instant':
      return value.span.toInclusive ? value.span.from : `${value.span.from}..${value.span.to}`;
    case 'null':
      return 'NULL';
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
    ["Name Gt 'm'", 'Name Gt m'],
    ["Name Ge 'm'", 'Name Ge m'],
    ["Name Lt 'm'", 'Name Lt m'],
    ["Name Le 'm'", 'Name Le m'],
    ["Name Bt 'a','m'", 'Name Bt a|m'],
    ["Name Eq 'a','b' , 'c'", 'Name Eq a|b|c'],
    ["Name Ne 'a','b'", 'Name Ne a|b'],
    ['VowEnabled Eq true', 'VowEnabled Eq true'],
    ['VowEnabled Eq FALSE', 'VowEnabled Eq false'],
    ['Name Eq NULL', 'Name Eq NULL'],
    ['Name Ne null', 'Name Ne NULL'],
    ["Name Eq contains('to')", 'Name Eq contains(to)'],
    ["Name Eq StartsWith('St')", 'Name Eq startswith(St)'],
    ["Name Ne endswith('ne')", 'Name Ne endswith(ne)'],
    ["Name Eq 'Ste*'", 'Name Eq Ste*'],
    ["Name Eq 'a\\*b'", 'Name Eq a*b'],
  ])('%s', (filter, expected) => {
    expect(shape(parseFilter(filter))).toBe(expected);
  });

  it('keeps a wildcard apart from an escaped star', () => {
    const expr = parseFilter("Name Eq 'a\\*b*c'");
    expect(expr.kind === 'comparison' && expr.values[0]).toMatchObject({ segments: ['a*b', 'c'] });
  });

  it.each([
    ["Name Eq 'O\\'Brien'", "O'Brien"],
    ["Name Eq 'O''Brien'", "O'Brien"],
    ["Name Eq 'back\\\\slash'", 'back\\slash'],
    ["Name Eq ''", ''],
    ["Name Eq ''''", "'"],
  ])('unescapes %s', (filter, text) => {
    const expr = parseFilter(filter);
    expect(expr.kind === 'comparison' && expr.values[0]).toMatchObject({ segments: [text] });
  });

  it('reads keywords in any case', () => {
    expect(shape(parseFilter("Name eq 'a' AND Name NE 'b' or NOT Name bT 'c','d'"))).toBe(
      'or[and[Name Eq a; Name Ne b]; not[Name Bt c|d]]',
    );
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

  it('reads A Not B as A And Not B', () => {
    expect(shape(parseFilter("Name Eq 'a' Not Name Eq 'b'"))).toBe(
      'and[Name Eq a; not[Name Eq b]]',
    );
    expect(shape(parseFilter("Name Eq 'a' Not Name Eq 'b' Or Name Eq 'c'"))).toBe(
      'or[and[Name Eq a; not[Name Eq b]]; Name Eq c]',
    );
  });

  it('reads a unary Not, also before parentheses', () => {
    expect(shape(parseFilter("Not Name Eq 'a'"))).toBe('not[Name Eq a]');
    expect(shape(parseFilter("Not (Name Eq 'a' Or Name Eq 'b')"))).toBe(
      'not[or[Name Eq a; Name Eq b]]',
    );
    expect(shape(parseFilter("Not Not Name Eq 'a'"))).toBe('not[not[Name Eq a]]');
  });

  it('accepts parentheses two levels deep', () => {
    expect(
      shape(parseFilter("((Name Eq 'a' Or Name Eq 'b') And Name Eq 'c') Or (Name Eq 'd')")),
    ).toBe('or[and[or[Name Eq a; Name Eq b]; Name Eq c]; Name Eq d]');
    expect(() => compileFilter("((Name Eq 'a'))", fields)).not.toThrow();
  });

  it('accepts 75 expressions', () => {
    expect(() => compileFilter(expressions(75), fields)).not.toThrow();
  });

  it.each([
    ['2026-11-27', '2026-11-27T00:00:00.000Z..2026-11-28T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z..2024-03-01T00:00:00.000Z'],
    ['2026-12-31', '2026-12-31T00:00:00.000Z..2027-01-01T00:00:00.000Z'],
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27t10:00:00z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00Z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00:00', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00:00.5Z', '2026-11-27T10:00:00.500Z'],
    ['2026-11-27T10:00:00.123456Z', '2026-11-27T10:00:00.123Z'],
    ['2026-11-27T10:00:00-06:00', '2026-11-27T16:00:00.000Z'],
    ['2026-11-27T01:30:00+02:00', '2026-11-26T23:30:00.000Z'],
    ['2026-11-27T23:30:00.250-05:30', '2026-11-28T05:00:00.250Z'],
  ])('reads the date literal %s', (literal, expected) => {
    expect(shape(parseFilter(`ModificationTimestamp Eq ${literal}`))).toBe(
      `ModificationTimestamp Eq ${expected}`,
    );
  });

  it('reads numbers (rejected later by type, but lexed)', () => {
    expect(shape(parseFilter('Name Eq 12, -3.5'))).toBe('Name Eq 12|-3.5');
  });

  it('tolerates any whitespace', () => {
    expect(shape(parseFilter("\n  Name\tEq   'a'  ,'b'\r\n"))).toBe('Name Eq a|b');
  });
});

describe('compileFilter: rejected filters', () => {
  it.each([
    // [filter, Token, Message]
    ["Foo Eq 'x'", 'Foo', "Unknown field 'Foo'"],
    ["name Eq 'x'", 'name', "Unknown field 'name'"],
    ["constructor Eq 'x'", 'constructor', "Unknown field 'constructor'"],
    ["Name Is 'x'", 'Is', "Unknown operator 'Is'"],
    ["Name 'x'", "'x'", "Unknown operator ''x''"],
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
    ["Name Eq 'abc", "'abc", "Unterminated text 'abc"],
    ["Name Eq 'abc\\'", "'abc\\'", "Unterminated text 'abc\\'"],
    ['Name Eq "abc"', '"', `Unexpected character '"'`],
    ["Name Eq 'a' && Name Eq 'b'", '&', "Unexpected character '&'"],
    ["Name Eq 'a'; DROP TABLE t", ';', "Unexpected character ';'"],
    ["Name Eq upper('a')", 'upper', "Unknown function 'upper'"],
    ["Name Eq radius('45.0 -93.0', 5)", 'radius', "Unknown function 'radius'"],
    ['Name Eq contains(5)', '5', "Unexpected token '5'"],
    ["Name Eq contains('a','b')", ',', "Unexpected token ','"],
    ["Name Eq contains('a'", "'a'", "The filter ends too early after ''a''"],
    ["Name Gt 'a','b'", 'Gt', "'Gt' takes a single value"],
    ["Name Bt 'a'", 'Bt', "'Bt' needs two values: low,high"],
    ["Name Bt 'a','b','c'", 'Bt', "'Bt' needs two values: low,high"],
    ['Name Eq 12abc', '12abc', "Unexpected token '12abc'"],
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
    // type mismatches
    ['Name Gt true', 'true', "Value true cannot be used with 'Name Gt'"],
    ['Name Eq 5', '5', "Value 5 cannot be used with 'Name Eq'"],
    ['Name Eq 2026-11-27', '2026-11-27', "Value 2026-11-27 cannot be used with 'Name Eq'"],
    ["VowEnabled Eq 'x'", "'x'", "Value 'x' cannot be used with 'VowEnabled Eq'"],
    ['VowEnabled Eq 1', '1', "Value 1 cannot be used with 'VowEnabled Eq'"],
    ['VowEnabled Gt false', 'Gt', "Operator 'Gt' cannot be used with field 'VowEnabled'"],
    ["Id Gt '1'", 'Gt', "Operator 'Gt' cannot be used with field 'Id'"],
    ["Id Bt '1','2'", 'Bt', "Operator 'Bt' cannot be used with field 'Id'"],
    ['Id Eq 20261127093015123456000001', '20261127093015123456000001', expect.any(String)],
    ["Id Eq '2026*'", "'2026*'", "Value '2026*' cannot be used with 'Id Eq'"],
    ["Id Eq contains('2026')", 'contains', "Value contains cannot be used with 'Id Eq'"],
    ["ModificationTimestamp Eq '2026-11-27'", "'2026-11-27'", expect.any(String)],
    ['ModificationTimestamp Gt true', 'true', expect.any(String)],
    ["Name Gt 'S*'", "'S*'", "Value 'S*' cannot be used with 'Name Gt'"],
    ["Name Gt contains('S')", 'contains', "Value contains cannot be used with 'Name Gt'"],
    ['Name Gt NULL', 'NULL', "Value NULL cannot be used with 'Name Gt'"],
    ['Name Bt NULL,NULL', 'NULL', expect.any(String)],
  ])('%s -> 1040 naming %s', (filter, token, message) => {
    const error = failure(filter);
    expect(error).toMatchObject({ status: 400, code: 1040, token, message });
    expect(error.errors).toEqual([{ Token: token, Status: 'Fatal', Message: error.message }]);
  });

  it('rejects a third level of parentheses with 1041', () => {
    expect(failure("(((Name Eq 'a')))")).toMatchObject({ status: 400, code: 1041 });
    expect(failure("(Name Eq 'a' Or ((Name Eq 'b' And (Name Eq 'c'))))")).toMatchObject({
      code: 1041,
    });
    expect(failure("Not (Not (Not (Name Eq 'a')))")).toMatchObject({ code: 1041 });
  });

  it('rejects 76 expressions with 1041', () => {
    expect(failure(expressions(76))).toMatchObject({ status: 400, code: 1041 });
  });

  it('rejects a filter longer than 4000 characters with 1041', () => {
    const long = `Name Eq '${'a'.repeat(4000)}'`;
    expect(failure(long)).toMatchObject({ status: 400, code: 1041 });
    const exactly4000 = `Name Eq '${'a'.repeat(4000 - 10)}'`;
    expect(exactly4000).toHaveLength(4000);
    expect(() => compileFilter(exactly4000, fields)).not.toThrow();
  });

  it('answers 1041 without SparkQLErrors', () => {
    expect(failure(expressions(76)).errors).toBeUndefined();
  });

  it('treats a blank filter as no filter', () => {
    expect(compileFilter('  ', fields)).toEqual({ sql: '(1 = 1)', params: [] });
  });
});
