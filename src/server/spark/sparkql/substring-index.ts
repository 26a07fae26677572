import { foldKey } from '../store/text.js';
import { lookupField, type FieldMap } from './compile.js';
import type { Comparison, Expr, Value } from './parser.js';

/**
 * An FTS5 trigram query that every row matching `expr` also matches, or null when the filter
 * gives no such narrowing (a `Ne`, a range, a short term, a field outside the index...). It only
 * narrows: the filter's own condition still decides, so answers are exactly the unindexed ones.
 * Columns are not named (an index built with detail=none cannot filter by column), so a term
 * found in any indexed column is a candidate.
 */
export function substringIndexQuery(expr: Expr, fields: FieldMap): string | null {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.items
        .map((item) => substringIndexQuery(item, fields))
        .filter((part): part is string => part !== null);
      return parts.length ? join(parts, 'AND') : null;
    }
    case 'or': {
      const parts = expr.items.map((item) => substringIndexQuery(item, fields));
      return parts.every((part): part is string => part !== null) ? join(parts, 'OR') : null;
    }
    case 'not':
      return null;
    case 'comparison':
      return comparisonQuery(expr, fields);
  }
}

function comparisonQuery(c: Comparison, fields: FieldMap): string | null {
  if (c.subject.kind !== 'field' || c.operator !== 'Eq') return null;
  if (!lookupField(fields, c.subject.token.raw)?.substringIndex) return null;
  const parts = c.values.map(valueQuery);
  return parts.every((part): part is string => part !== null) ? join(parts, 'OR') : null;
}

function join(parts: string[], operator: 'AND' | 'OR'): string {
  const [only, ...more] = parts;
  if (only !== undefined && more.length === 0) return only;
  return parts.map((p) => `(${p})`).join(` ${operator} `);
}

/** Patterns only: an exact value is better served by the column's own index. */
function valueQuery(value: Value): string | null {
  const pattern = value.kind === 'match' || (value.kind === 'text' && value.segments.length > 1);
  if (!pattern) return null;
  const trigrams = new Set(value.segments.flatMap((segment) => trigramsOf(foldKey(segment))));
  if (trigrams.size === 0) return null;
  return [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

function trigramsOf(text: string): string[] {
  const characters = Array.from(text);
  return characters.slice(2).map((_, i) => characters.slice(i, i + 3).join(''));
}
