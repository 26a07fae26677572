import { describe, expect, it } from 'vitest';
import { compileFilter, type FieldMap } from './index.js';

const fields: FieldMap = {
  Name: {
    column: 'p.name_key',
    type: 'text',
    fts: { rowid: 'p.rowid', table: 'people_fts', column: 'name_key' },
  },
  Given: { column: 'p.given_key', type: 'text' },
};
const viaFts = 'p.rowid IN (SELECT rowid FROM people_fts WHERE name_key LIKE ?)';
const viaLike = "p.name_key LIKE ? ESCAPE '\\'";

describe('compileFilter on a field with a trigram index', () => {
  it.each([
    ["Name Eq '*Ann*'", '%ann%'],
    ["Name Eq 'Zoë*'", 'zoe%'],
    ["Name Eq '*son'", '%son'],
    ["Name Eq 'ab*cde'", 'ab%cde'],
    ["Name Eq contains('Ann')", '%ann%'],
    ["Name Eq startswith('ann')", 'ann%'],
    ["Name Eq endswith('ANN')", '%ann'],
  ])('reads the index for %s', (filter, pattern) => {
    expect(compileFilter(filter, fields)).toEqual({
      sql: `(${viaFts})`,
      params: [pattern],
    });
  });

  it.each([
    ["Name Eq '*an*'", '%an%'],
    ["Name Eq 'ab*cd'", 'ab%cd'],
    ["Name Eq '*10%*'", '%10\\%%'],
    ["Name Eq '*real_estate*'", '%real\\_estate%'],
    ["Name Eq '*back\\\\slash*'", '%back\\\\slash%'],
  ])('falls back to LIKE on the column for %s', (filter, pattern) => {
    expect(compileFilter(filter, fields)).toEqual({
      sql: `((p.name_key IS NOT NULL AND ${viaLike}))`,
      params: [pattern],
    });
  });

  it('keeps exact values and fields without an index on the column', () => {
    expect(compileFilter("Name Eq 'Ann'", fields).sql).toBe(
      '((p.name_key IS NOT NULL AND p.name_key = ?))',
    );
    expect(compileFilter("Given Eq '*ann*'", fields).sql).toBe(
      "((p.given_key IS NOT NULL AND p.given_key LIKE ? ESCAPE '\\'))",
    );
  });

  it('negates the index lookup for Ne', () => {
    expect(compileFilter("Name Ne '*ann*'", fields)).toEqual({
      sql: `((NOT ${viaFts}))`,
      params: ['%ann%'],
    });
  });
});
