import { compileExpr, type CompiledFilter, type FieldMap } from './compile.js';
import { filterTooComplex, MAX_FILTER_LENGTH } from './filter-errors.js';
import { parseFilter } from './parser.js';
import { substringIndexQuery } from './substring-index.js';

export type { CompiledFilter, FieldMap } from './compile.js';

/**
 * Compiles a SparkQL `_filter` to a parenthesised, parameterised SQL condition over `fields`
 * (keys are Spark field names, matched case-sensitively). A blank filter matches everything.
 * Throws SparkError 400/1040 with SparkQLErrors, or 400/1041.
 */
export function compileFilter(filter: string, fields: FieldMap): CompiledFilter {
  if (filter.length > MAX_FILTER_LENGTH) {
    throw filterTooComplex(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  if (filter.trim() === '') return { sql: '(1 = 1)', params: [] };
  const expr = parseFilter(filter);
  return { ...compileExpr(expr, fields), substringQuery: substringIndexQuery(expr, fields) };
}
