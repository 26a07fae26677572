import { describe, expect, it } from 'vitest';
import { allOf, anyOfFilter, containsFilter } from './spark-ql.js';

describe('SparkQL text', () => {
  it('escapes quotes and drops the unescapable wildcard', () => {
    expect(containsFilter('Name', " O'Brien* ")).toBe("Name Eq '*O\\'Brien*'");
    expect(containsFilter('Name', ' * ')).toBeUndefined();
  });

  it('builds any-of lists and conjunctions', () => {
    expect(anyOfFilter('ContactId', ['1', '2'])).toBe("ContactId Eq '1','2'");
    expect(allOf('A Eq 1', undefined, 'B Eq 2')).toBe('A Eq 1 And B Eq 2');
    expect(allOf(undefined)).toBeUndefined();
  });
});
