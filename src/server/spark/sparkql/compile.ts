import { foldKey } from '../store/text.js';
import { filterInvalid } from './filter-errors.js';
import type { InstantSpan } from './instant.js';
import type { Comparison, Expr, Value } from './parser.js';

export type FieldType = 'text' | 'boolean' | 'datetime' | 'id' | 'number';
export interface FieldSpec {
  /** SQL expression to compare against, e.g. 'g.display_key' (already lower-case & accent-free for text) */
  column: string;
  type: FieldType;
  /** The column is in the table's FTS5 trigram index (see substring-index.ts). */
  substringIndex?: boolean;
  /**
   * For an `id` field that names another record rather than a column value (`ListingCart`,
   * `SavedSearch`): the condition a row meets for one Id (`token` is the value as written).
   */
  refersTo?: (id: string, token: string) => CompiledFilter;
}
export type FieldMap = Record<string, FieldSpec>;
export interface CompiledFilter {
  sql: string;
  params: (string | number)[];
  /** An FTS5 query over the trigram index that every matching row matches (narrowing only). */
  substringQuery?: string | null;
}

type Params = (string | number)[];
type Fragment = CompiledFilter;
interface Bound {
  iso: string;
  inclusive: boolean;
}

/**
 * Turns a parsed filter into a parenthesised SQL condition. Values only ever travel as `?`
 * parameters. Logic is two-valued: a NULL column matches no comparison except `Eq NULL`, so
 * `Ne` and `Not` are the exact complements of `Eq` and of what they negate.
 */
export function compileExpr(expr: Expr, fields: FieldMap): CompiledFilter {
  const { sql, params } = compileNode(expr, fields);
  return { sql: `(${sql})`, params };
}

function compileNode(expr: Expr, fields: FieldMap): Fragment {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return join(
        expr.items.map((item) => compileNode(item, fields)),
        expr.kind.toUpperCase(),
      );
    case 'not':
      return not(compileNode(expr.item, fields));
    case 'comparison':
      return compileComparison(expr, fields);
  }
}

function compileComparison(c: Comparison, fields: FieldMap): Fragment {
  const spec = Object.hasOwn(fields, c.field.raw) ? fields[c.field.raw] : undefined;
  if (!spec) throw filterInvalid(c.field.raw, `Unknown field '${c.field.raw}'`);
  const ordered = c.operator !== 'Eq' && c.operator !== 'Ne';
  if (ordered && (spec.type === 'boolean' || spec.type === 'id')) {
    throw filterInvalid(
      c.operatorToken.raw,
      `Operator '${c.operatorToken.raw}' cannot be used with field '${c.field.raw}'`,
    );
  }
  for (const value of c.values) checkValueType(value, c, spec.refersTo ? 'reference' : spec.type);
  switch (c.operator) {
    case 'Eq':
      return anyOf(spec, c.values);
    case 'Ne':
      return not(anyOf(spec, c.values));
    default:
      return present(spec.column, rangeOf(spec.column, c));
  }
}

function checkValueType(value: Value, c: Comparison, type: FieldType | 'reference'): void {
  const equality = c.operator === 'Eq' || c.operator === 'Ne';
  const fits =
    value.kind === 'null'
      ? equality && type !== 'reference'
      : type === 'text'
        ? (value.kind === 'match' || value.kind === 'text') && (equality || !isPattern(value))
        : type === 'id' || type === 'reference'
          ? value.kind === 'text' && !isPattern(value)
          : type === 'boolean'
            ? value.kind === 'boolean'
            : type === 'number'
              ? value.kind === 'number'
              : value.kind === 'instant';
  if (!fits) {
    throw filterInvalid(
      value.token.raw,
      `Value ${value.token.raw} cannot be used with '${c.field.raw} ${c.operatorToken.raw}'`,
    );
  }
}

function isPattern(value: Value): boolean {
  return value.kind === 'match' || (value.kind === 'text' && value.segments.length > 1);
}

/** The Eq condition for a list of values: true when the column matches any of them. */
function anyOf(spec: FieldSpec, values: Value[]): Fragment {
  const { column, refersTo } = spec;
  if (refersTo) {
    return join(
      values.map((value) => refersTo(plainText(value), value.token.raw)),
      'OR',
    );
  }
  const exact: Params = [];
  const patterns: Fragment[] = [];
  for (const value of values) {
    if (value.kind === 'boolean') exact.push(value.value ? 1 : 0);
    else if (value.kind === 'number') exact.push(value.value);
    else if (value.kind === 'instant') patterns.push(instantRange(column, spanBounds(value.span)));
    else if (isPattern(value)) {
      patterns.push({ sql: `${column} LIKE ? ESCAPE '\\'`, params: [likePattern(value)] });
    } else if (value.kind === 'text') {
      exact.push(spec.type === 'text' ? foldKey(plainText(value)) : plainText(value));
    }
  }
  const matches = exact.length ? [equalsAny(column, exact), ...patterns] : patterns;
  const alternatives: Fragment[] = matches.length ? [present(column, join(matches, 'OR'))] : [];
  if (values.some((value) => value.kind === 'null')) {
    alternatives.push({ sql: `${column} IS NULL`, params: [] });
  }
  return join(alternatives, 'OR');
}

function equalsAny(column: string, exact: Params): Fragment {
  const sql =
    exact.length === 1 ? `${column} = ?` : `${column} IN (${exact.map(() => '?').join(', ')})`;
  return { sql, params: exact };
}

function rangeOf(column: string, c: Comparison): Fragment {
  const [first, second] = c.values;
  if (first?.kind === 'instant') {
    const last = second?.kind === 'instant' ? second.span : first.span;
    const span = { from: first.span.from, to: last.to, toInclusive: last.toInclusive };
    return instantRange(column, orderedBounds(c.operator, span));
  }
  const [low, high] =
    first?.kind === 'number'
      ? [first.value, second?.kind === 'number' ? second.value : first.value]
      : [foldKey(plainText(first)), foldKey(plainText(second))];
  switch (c.operator) {
    case 'Gt':
      return { sql: `${column} > ?`, params: [low] };
    case 'Ge':
      return { sql: `${column} >= ?`, params: [low] };
    case 'Lt':
      return { sql: `${column} < ?`, params: [low] };
    case 'Le':
      return { sql: `${column} <= ?`, params: [low] };
    default:
      return { sql: `${column} BETWEEN ? AND ?`, params: [low, high] };
  }
}

function orderedBounds(operator: Comparison['operator'], span: InstantSpan): [Bound?, Bound?] {
  switch (operator) {
    case 'Gt':
      return [{ iso: span.to, inclusive: !span.toInclusive }];
    case 'Ge':
      return [{ iso: span.from, inclusive: true }];
    case 'Lt':
      return [undefined, { iso: span.from, inclusive: false }];
    case 'Le':
      return [undefined, { iso: span.to, inclusive: span.toInclusive }];
    default:
      return spanBounds(span);
  }
}

function spanBounds(span: InstantSpan): [Bound, Bound] {
  return [
    { iso: span.from, inclusive: true },
    { iso: span.to, inclusive: span.toInclusive },
  ];
}

/**
 * Stored timestamps may or may not carry milliseconds, and `...:00Z` sorts after `...:00.5Z`
 * as text, so the exact test compares a normalised form. The coarse whole-second bounds on
 * the raw column are implied by it and only there so SQLite can use an index.
 */
function instantRange(column: string, [lower, upper]: [Bound?, Bound?]): Fragment {
  const normalised = `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;
  const parts: Fragment[] = [];
  if (lower) {
    parts.push({ sql: `${column} >= ?`, params: [lower.iso.slice(0, 19)] });
    parts.push({ sql: `${normalised} ${lower.inclusive ? '>=' : '>'} ?`, params: [lower.iso] });
  }
  if (upper) {
    parts.push({ sql: `${column} <= ?`, params: [`${upper.iso.slice(0, 19)}Z`] });
    parts.push({ sql: `${normalised} ${upper.inclusive ? '<=' : '<'} ?`, params: [upper.iso] });
  }
  return join(parts, 'AND');
}

function likePattern(value: Value): string {
  const segments = value.kind === 'text' || value.kind === 'match' ? value.segments : [];
  const body = segments.map((segment) => foldKey(segment).replace(/[\\%_]/g, '\\$&')).join('%');
  if (value.kind !== 'match') return body;
  if (value.fn === 'contains') return `%${body}%`;
  return value.fn === 'startswith' ? `${body}%` : `%${body}`;
}

function plainText(value: Value | undefined): string {
  return value?.kind === 'text' ? value.segments.join('*') : '';
}

/** Makes a comparison false, never NULL, for a NULL column value. */
function present(column: string, condition: Fragment): Fragment {
  return { sql: `(${column} IS NOT NULL AND ${condition.sql})`, params: condition.params };
}

function not(condition: Fragment): Fragment {
  return { sql: `(NOT ${condition.sql})`, params: condition.params };
}

function join(parts: Fragment[], conjunction: string): Fragment {
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    sql: `(${parts.map((part) => part.sql).join(` ${conjunction} `)})`,
    params: parts.flatMap((part) => part.params),
  };
}
