import { describe, expect, it } from 'vitest';
import { resolveExpr, type FieldMap } from './compile.js';
import { parseFilter } from './parser.js';
import { substringIndexQuery } from './substring-index.js';

const fields: FieldMap = {
  Name: { column: 'n', type: 'text', substringIndex: true },
  Email: { column: 'e', type: 'text', substringIndex: true },
  Family: { column: 'f', type: 'text' },
};
const query = (filter: string) =>
  substringIndexQuery(resolveExpr(parseFilter(filter), fields, new Date()), fields);

describe('substringIndexQuery', () => {
  it('asks for every folded trigram of a pattern’s pieces', () => {
    expect(query("Name Eq '*Éli*'")).toBe('"eli"');
    expect(query("Name Eq contains('O\\'Bri')")).toBe('"o\'b" AND "\'br" AND "bri"');
    expect(query('Name Eq \'say "hi"*\'')).toBe(
      '"say" AND "ay " AND "y """ AND " ""h" AND """hi" AND "hi"""',
    );
    expect(query("Name Eq '*ann*lee*'")).toBe('"ann" AND "lee"');
  });

  it('combines Or only when every side narrows, And when any side does', () => {
    expect(query("Name Eq '*ann*' Or Email Eq '*ann*'")).toBe('("ann") OR ("ann")');
    expect(query("Name Eq '*ann*' Or Family Eq '*ann*'")).toBeNull();
    expect(query("Name Eq '*ann*' And Family Eq '*lee*'")).toBe('"ann"');
    expect(query("Name Eq '*ann*','*bob*'")).toBe('("ann") OR ("bob")');
  });

  it('gives nothing where an index cannot narrow', () => {
    expect(query("Name Eq '*an*'")).toBeNull();
    expect(query("Name Eq 'ann'")).toBeNull();
    expect(query("Name Ne '*ann*'")).toBeNull();
    expect(query("Not Name Eq '*ann*'")).toBeNull();
    expect(query('Name Eq NULL')).toBeNull();
  });
});
