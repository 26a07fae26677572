import { compileExpr, resolveExpr, type CompiledFilter, type FieldMap } from './compile.js';
import { filterTooComplex, MAX_FILTER_LENGTH } from './filter-errors.js';
import { parseFilter } from './parser.js';
import { substringIndexQuery } from './substring-index.js';

export type { CompiledFilter, FieldMap, FieldSpec, FieldType } from './compile.js';

/**
 * Compiles a SparkQL `_filter` to a parenthesised, parameterised SQL condition over `fields`
 * (keys are Spark field names, matched case-sensitively), with its functions evaluated at `now`.
 * A blank filter matches everything. Throws SparkError 400/1040 or 400/1041 with SparkQLErrors.
 */
export function compileFilter(
  filter: string,
  fields: FieldMap,
  now: Date = new Date(),
): CompiledFilter {
  if (filter.length > MAX_FILTER_LENGTH) {
    throw filterTooComplex(
      filter.slice(MAX_FILTER_LENGTH, MAX_FILTER_LENGTH + 40),
      `The filter is longer than ${MAX_FILTER_LENGTH} characters.`,
    );
  }
  if (filter.trim() === '') return { sql: '(1 = 1)', params: [] };
  const expr = resolveExpr(parseFilter(filter), fields, now);
  return { ...compileExpr(expr, fields), substringQuery: substringIndexQuery(expr, fields) };
}
