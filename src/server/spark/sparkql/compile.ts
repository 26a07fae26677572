import { foldKey } from '../store/text.js';
import { filterInvalid } from './filter-errors.js';
import { FIELD_FUNCTIONS, isFieldFunction, refuseFunction, resolveCall } from './functions.js';
import type { InstantSpan } from './instant.js';
import type { Comparison, Expr, Subject, Value } from './parser.js';

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

/** What a comparison is made on: a field's column, or a function of a datetime field's column. */
interface Target {
  column: string;
  type: FieldType | 'date' | 'time';
  /** As written, for messages: `ListPrice`, `year(ModificationTimestamp)`. */
  shown: string;
  /** The field names another record (FieldSpec.refersTo). */
  refersTo?: FieldSpec['refersTo'];
}

/** Types with an order: the only ones Gt, Ge, Lt, Le and Bt apply to. */
const ORDERED: ReadonlySet<Target['type']> = new Set(['number', 'datetime', 'date', 'time']);

export function lookupField(fields: FieldMap, name: string): FieldSpec | undefined {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/**
 * Checks a parsed filter against the service's fields and evaluates its functions at `now`:
 * the same tree, each value resolved (`days(-7)` a date, `contains('x')` a match). Throws 400/1040
 * naming a field or function outside the subset, or a value that does not fit its field.
 */
export function resolveExpr(expr: Expr, fields: FieldMap, now: Date): Expr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, items: expr.items.map((item) => resolveExpr(item, fields, now)) };
    case 'not':
      return { kind: 'not', item: resolveExpr(expr.item, fields, now) };
    case 'comparison': {
      const target = targetOf(expr.subject, fields);
      checkOperator(expr, target);
      const values = expr.values.map((value) =>
        value.kind === 'call' ? resolveCall(value, now) : value,
      );
      for (const value of values) checkValue(value, expr, target);
      return { ...expr, values };
    }
  }
}

/**
 * Turns a resolved filter into a parenthesised SQL condition. Values only ever travel as `?`
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
      return compileComparison(expr, targetOf(expr.subject, fields));
  }
}

function targetOf(subject: Subject, fields: FieldMap): Target {
  if (subject.kind === 'custom') {
    throw filterInvalid(
      subject.token.raw,
      `Custom field ${subject.token.raw} is not searchable in this service`,
    );
  }
  if (subject.kind === 'field') {
    const spec = lookupField(fields, subject.token.raw);
    if (!spec) throw filterInvalid(subject.token.raw, `Unknown field '${subject.token.raw}'`);
    return {
      column: spec.column,
      type: spec.type,
      shown: subject.token.raw,
      ...(spec.refersTo ? { refersTo: spec.refersTo } : {}),
    };
  }
  if (!isFieldFunction(subject.name)) refuseFunction(subject);
  const [arg, ...more] = subject.args;
  if (arg?.kind !== 'field' || more.length) {
    throw filterInvalid(subject.name, `Function call '${subject.name}' takes one field`);
  }
  const spec = lookupField(fields, arg.token.raw);
  if (!spec) throw filterInvalid(arg.token.raw, `Unknown field '${arg.token.raw}'`);
  if (spec.type !== 'datetime') {
    throw filterInvalid(
      subject.name,
      `Function '${subject.name}' cannot be used with field '${arg.token.raw}'`,
    );
  }
  const fn = FIELD_FUNCTIONS[subject.name];
  return { column: fn.sql(spec.column), type: fn.type, shown: `${subject.name}(${arg.token.raw})` };
}

function checkOperator(c: Comparison, target: Target): void {
  const ordered = c.operator !== 'Eq' && c.operator !== 'Ne';
  if (ordered && !ORDERED.has(target.type)) {
    throw filterInvalid(
      c.operatorToken.raw,
      `Operator '${c.operatorToken.raw}' cannot be used with field '${target.shown}'`,
    );
  }
}

function checkValue(value: Value, c: Comparison, target: Target): void {
  const equality = c.operator === 'Eq' || c.operator === 'Ne';
  if (!fits(value, target, equality)) {
    throw filterInvalid(
      value.token.raw,
      `Value ${value.token.raw} cannot be used with '${target.shown} ${c.operatorToken.raw}'`,
    );
  }
}

function fits(value: Value, target: Target, equality: boolean): boolean {
  // A reference names a record: never NULL.
  if (value.kind === 'null') return equality && !target.refersTo;
  switch (target.type) {
    case 'text':
      return value.kind === 'match' || value.kind === 'text';
    case 'id':
      return value.kind === 'text' && !isPattern(value);
    case 'boolean':
      return value.kind === 'boolean';
    case 'number':
      return value.kind === 'number';
    case 'datetime':
      return value.kind === 'instant';
    case 'date':
      return value.kind === 'instant' && value.day !== undefined;
    case 'time':
      return value.kind === 'time';
  }
}

function compileComparison(c: Comparison, target: Target): Fragment {
  switch (c.operator) {
    case 'Eq':
      return anyOf(target, c.values);
    case 'Ne':
      return not(anyOf(target, c.values));
    default:
      return present(target.column, rangeOf(target, c));
  }
}

function isPattern(value: Value): boolean {
  return value.kind === 'match' || (value.kind === 'text' && value.segments.length > 1);
}

/** A value compared as it is stored: folded text, 0/1, a number, `YYYY-MM-DD`, `HH:MM:SS.sss`. */
function scalar(value: Value | undefined, target: Target): string | number {
  switch (value?.kind) {
    case 'text':
      return target.type === 'text' ? foldKey(plainText(value)) : plainText(value);
    case 'boolean':
      return value.value ? 1 : 0;
    case 'number':
    case 'time':
      return value.value;
    case 'instant':
      return value.day ?? value.span.from;
    default:
      return '';
  }
}

/** The Eq condition for a list of values: true when the column matches any of them. */
function anyOf(target: Target, values: Value[]): Fragment {
  const { column, refersTo } = target;
  if (refersTo) {
    return join(
      values.map((value) => refersTo(plainText(value), value.token.raw)),
      'OR',
    );
  }
  const exact: Params = [];
  const patterns: Fragment[] = [];
  for (const value of values) {
    if (value.kind === 'null') continue;
    if (value.kind === 'instant' && target.type === 'datetime') {
      patterns.push(instantRange(column, spanBounds(value.span)));
    } else if (isPattern(value)) {
      patterns.push({ sql: `${column} LIKE ? ESCAPE '\\'`, params: [likePattern(value)] });
    } else {
      exact.push(scalar(value, target));
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

function rangeOf(target: Target, c: Comparison): Fragment {
  const { column } = target;
  const [first, second] = c.values;
  if (first?.kind === 'instant' && target.type === 'datetime') {
    const last = second?.kind === 'instant' ? second.span : first.span;
    const span = { from: first.span.from, to: last.to, toInclusive: last.toInclusive };
    return instantRange(column, orderedBounds(c.operator, span));
  }
  const low = scalar(first, target);
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
      return { sql: `${column} BETWEEN ? AND ?`, params: [low, scalar(second, target)] };
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

function plainText(value: Value): string {
  return value.kind === 'text' ? value.segments.join('*') : '';
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
