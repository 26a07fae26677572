import {
  filterInvalid,
  filterTooComplex,
  MAX_EXPRESSIONS,
  MAX_LIST_VALUES,
  MAX_NESTING,
} from './filter-errors.js';
import { parseDate, parseDatetime, parseTime, type InstantSpan } from './instant.js';
import { tokenize, type Operator, type Token } from './lexer.js';

export type { Operator } from './lexer.js';
export type MatchFunction = 'contains' | 'startswith' | 'endswith';

/** A function call as written, resolved (or refused) when the filter is compiled. */
export interface Call {
  kind: 'call';
  name: string;
  token: Token;
  args: Argument[];
}

export type Value =
  /** `segments.length > 1` means the text has `*` wildcards between the segments. */
  | { kind: 'text'; segments: string[]; token: Token }
  | { kind: 'match'; fn: MatchFunction; segments: string[]; token: Token }
  | { kind: 'boolean'; value: boolean; token: Token }
  | { kind: 'null'; token: Token }
  | { kind: 'number'; value: number; token: Token }
  /** `day` (`YYYY-MM-DD`) is set for a date, whose span is its whole UTC day. */
  | { kind: 'instant'; span: InstantSpan; day?: string; token: Token }
  /** A time of day as `HH:MM:SS.sss`. */
  | { kind: 'time'; value: string; token: Token }
  | Call;

export type Argument = Value | { kind: 'field'; token: Token };

/** What an expression compares: a field, a custom field, or a function of a field. */
export type Subject = { kind: 'field'; token: Token } | { kind: 'custom'; token: Token } | Call;

export interface Comparison {
  kind: 'comparison';
  subject: Subject;
  /** The field compared (for a function of a field, that field; else the first token). */
  field: Token;
  operator: Operator;
  operatorToken: Token;
  values: Value[];
}

export type Expr = Comparison | { kind: 'and' | 'or'; items: Expr[] } | { kind: 'not'; item: Expr };

/**
 * Parses a SparkQL filter with Spark's grammar (sparkapi/sparkql `parser.y`): And binds tighter
 * than Or; `Not` opens a filter or a group, or joins two expressions (`A Not B` = `A And Not B`)
 * but never follows another conjunction; Gt/Ge/Lt/Le take one value; Eq/Ne take one value or a
 * list of numbers, texts and functions; Bt takes two numbers, dates, times or functions.
 */
export function parseFilter(filter: string): Expr {
  const parser = new Parser(tokenize(filter));
  const expr = parser.parseExpressions();
  parser.expectEnd();
  return expr;
}

type Joined = { conjunction: 'And' | 'Or' | 'Not'; expr: Expr };

class Parser {
  private pos = 0;
  private depth = 0;
  private expressions = 0;

  constructor(private readonly tokens: Token[]) {}

  parseExpressions(): Expr {
    const first = this.parseOpening();
    const joined: Joined[] = [];
    for (let token = this.peek(); token?.kind === 'conjunction'; token = this.peek()) {
      this.next();
      const after = this.peek();
      if (after?.kind === 'conjunction' && after.name === 'Not') {
        throw filterInvalid(
          after.raw,
          token.name === 'Not'
            ? `'Not' cannot follow 'Not'; write Not (Not ...)`
            : `'${token.raw} ${after.raw}' is not SparkQL; write 'A Not B' or 'A ${token.raw} (Not B)'`,
        );
      }
      joined.push({ conjunction: token.name, expr: this.parseExpression() });
    }
    return precedence(first, joined);
  }

  expectEnd(): void {
    const extra = this.peek();
    if (extra) throw this.unexpected(extra);
  }

  /** The first expression of a filter or group, which alone may be negated. */
  private parseOpening(): Expr {
    const token = this.peek();
    if (token?.kind !== 'conjunction' || token.name !== 'Not') return this.parseExpression();
    this.next();
    const after = this.peek();
    if (after?.kind === 'conjunction' && after.name === 'Not') {
      throw filterInvalid(after.raw, `'Not' cannot follow 'Not'; write Not (Not ...)`);
    }
    return { kind: 'not', item: this.parseExpression() };
  }

  private parseExpression(): Expr {
    const open = this.peek();
    if (open?.kind !== '(') return this.parseComparison();
    this.next();
    if (this.depth === MAX_NESTING) {
      throw filterTooComplex(
        open.raw,
        `Parentheses are nested deeper than ${MAX_NESTING} levels; nest no more than ${MAX_NESTING} levels deep.`,
      );
    }
    this.depth += 1;
    const inner = this.parseExpressions();
    this.expect(')');
    this.depth -= 1;
    return inner;
  }

  private parseComparison(): Comparison {
    const subject = this.parseSubject();
    const operatorToken = this.next();
    if (operatorToken.kind === 'arithmetic') throw arithmetic(operatorToken);
    if (operatorToken.kind !== 'operator') {
      throw filterInvalid(operatorToken.raw, `Unknown operator '${operatorToken.raw}'`);
    }
    const operator = operatorToken.name;
    const values = operator === 'Bt' ? this.parseRange(operatorToken) : this.parseCondition();
    if (values.length > 1 && operator !== 'Eq' && operator !== 'Ne' && operator !== 'Bt') {
      throw filterInvalid(operatorToken.raw, `'${operatorToken.raw}' takes a single value`);
    }
    this.expressions += 1;
    if (this.expressions > MAX_EXPRESSIONS) {
      throw filterTooComplex(
        subject.token.raw,
        `The filter has more than ${MAX_EXPRESSIONS} expressions; use no more than ${MAX_EXPRESSIONS}.`,
      );
    }
    return {
      kind: 'comparison',
      subject,
      field: fieldOf(subject),
      operator,
      operatorToken,
      values,
    };
  }

  private parseSubject(): Subject {
    const token = this.next();
    if (token.kind === 'custom') return { kind: 'custom', token };
    if (token.kind === 'field') {
      if (this.peek()?.kind === '(') throw capitalisedFunction(token);
      return { kind: 'field', token };
    }
    if (token.kind === 'keyword') {
      if (this.peek()?.kind === '(') return this.parseCall(token, true);
      throw filterInvalid(token.raw, `Unknown field '${token.raw}'`);
    }
    if (token.kind === 'word') throw filterInvalid(token.raw, `Unknown field '${token.raw}'`);
    throw this.unexpected(token);
  }

  /** Eq/Ne/Gt/Ge/Lt/Le: one value, or (Eq/Ne) a list of numbers, texts and functions. */
  private parseCondition(): Value[] {
    const values = [this.parseValue()];
    while (this.peek()?.kind === ',') {
      this.next();
      values.push(this.parseValue());
      if (values.length > MAX_LIST_VALUES) {
        const extra = values[MAX_LIST_VALUES]?.token.raw ?? '';
        throw filterTooComplex(
          extra,
          `The list has more than ${MAX_LIST_VALUES} values; use no more than ${MAX_LIST_VALUES} in one expression.`,
        );
      }
    }
    if (values.length > 1) {
      const single = values.find((value) => !LISTABLE.has(value.kind));
      if (single) {
        throw filterInvalid(
          single.token.raw,
          `${single.token.raw} cannot be part of a list; only numbers, texts and functions can`,
        );
      }
    }
    return values;
  }

  /** Bt: exactly two numbers, dates, datetimes, times or functions. */
  private parseRange(operatorToken: Token): Value[] {
    const values = [this.parseValue()];
    while (this.peek()?.kind === ',') {
      this.next();
      values.push(this.parseValue());
    }
    if (values.length !== 2) {
      throw filterInvalid(operatorToken.raw, `'${operatorToken.raw}' needs two values: low,high`);
    }
    const unbounded = values.find((value) => !RANGEABLE.has(value.kind));
    if (unbounded) {
      throw filterInvalid(
        unbounded.token.raw,
        `${unbounded.token.raw} cannot be a bound of '${operatorToken.raw}'; ranges take numbers, dates, datetimes or times`,
      );
    }
    return values;
  }

  private parseValue(): Value {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'text', segments: token.segments, token };
      case 'integer':
      case 'decimal':
        return { kind: 'number', value: Number(token.raw), token };
      case 'date':
        return { kind: 'instant', span: parseDate(token.raw), day: token.raw, token };
      case 'datetime':
        return { kind: 'instant', span: parseDatetime(token.raw), token };
      case 'time':
        return { kind: 'time', value: parseTime(token.raw), token };
      case 'boolean':
        return { kind: 'boolean', value: token.raw === 'true', token };
      case 'null':
        return { kind: 'null', token };
      case 'keyword':
        if (this.peek()?.kind === '(') return this.parseCall(token, false);
        throw misspelledLiteral(token) ?? this.unexpected(token);
      case 'field':
        if (this.peek()?.kind === '(') throw capitalisedFunction(token);
        throw misspelledLiteral(token) ?? this.unexpected(token);
      default:
        throw this.unexpected(token);
    }
  }

  /** `name(args)`: on a field's side the arguments may be fields; on a value's side, values. */
  private parseCall(token: Token, onFieldSide: boolean): Call {
    this.expect('(');
    const args: Argument[] = [];
    if (this.peek()?.kind === ')') {
      this.next();
      return { kind: 'call', name: token.raw, token, args };
    }
    for (;;) {
      const next = this.peek();
      if (onFieldSide && next?.kind === 'field' && this.peekAt(1)?.kind !== '(') {
        this.next();
        args.push({ kind: 'field', token: next });
      } else if (onFieldSide && next?.kind === 'keyword' && this.peekAt(1)?.kind === '(') {
        this.next();
        args.push(this.parseCall(next, true));
      } else {
        args.push(this.parseValue());
      }
      const separator = this.next();
      if (separator.kind === ')') return { kind: 'call', name: token.raw, token, args };
      if (separator.kind !== ',') throw this.unexpected(separator);
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private peekAt(offset: number): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): Token {
    const token = this.tokens[this.pos];
    if (!token) {
      const last = this.tokens[this.tokens.length - 1];
      throw filterInvalid(
        last?.raw ?? '',
        last ? `The filter ends too early after '${last.raw}'` : 'The filter is empty',
      );
    }
    this.pos += 1;
    return token;
  }

  private expect(kind: '(' | ')'): void {
    const token = this.next();
    if (token.kind !== kind) throw this.unexpected(token);
  }

  private unexpected(token: Token) {
    if (token.kind === 'arithmetic') return arithmetic(token);
    const previous = this.tokens[this.tokens.indexOf(token) - 1];
    if (
      token.kind === 'string' &&
      previous?.kind === 'string' &&
      previous.pos + previous.raw.length === token.pos
    ) {
      return filterInvalid(
        token.raw,
        `Unexpected token ${token.raw}: a quote inside text is written \\' (not '')`,
      );
    }
    const shown = token.kind === 'string' ? token.raw : `'${token.raw}'`;
    return filterInvalid(token.raw, `Unexpected token ${shown}`);
  }
}

const LISTABLE: ReadonlySet<Value['kind']> = new Set(['text', 'number', 'call']);
const RANGEABLE: ReadonlySet<Value['kind']> = new Set(['number', 'instant', 'time', 'call']);

/** And (and a joining Not) bind tighter than Or, as in SQL. */
function precedence(first: Expr, joined: Joined[]): Expr {
  const alternatives: Expr[][] = [[first]];
  for (const { conjunction, expr } of joined) {
    if (conjunction === 'Or') alternatives.push([expr]);
    else alternatives.at(-1)?.push(conjunction === 'Not' ? { kind: 'not', item: expr } : expr);
  }
  return combine(
    'or',
    alternatives.map((items) => combine('and', items)),
  );
}

function combine(kind: 'and' | 'or', items: Expr[]): Expr {
  const [first] = items;
  return items.length === 1 && first ? first : { kind, items };
}

function fieldOf(subject: Subject): Token {
  if (subject.kind !== 'call') return subject.token;
  const field = subject.args.find((arg) => arg.kind === 'field');
  return field ? field.token : subject.token;
}

function arithmetic(token: Token) {
  return filterInvalid(
    token.raw,
    `Arithmetic ('${token.raw}') is not supported by this service's SparkQL`,
  );
}

function capitalisedFunction(token: Token) {
  return filterInvalid(
    token.raw,
    `Unknown function '${token.raw}': function names are written in lower case`,
  );
}

/** `TRUE`, `False`, `nULL`...: Spark reads only true, false, NULL, null and Null. */
function misspelledLiteral(token: Token) {
  const lower = token.raw.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    return filterInvalid(token.raw, `'${token.raw}' is not a value; write true or false`);
  }
  if (lower === 'null') {
    return filterInvalid(token.raw, `'${token.raw}' is not a value; write NULL, null or Null`);
  }
  return undefined;
}
