import { filterInvalid, filterTooComplex, MAX_EXPRESSIONS, MAX_NESTING } from './filter-errors.js';
import { parseDate, parseDatetime, type InstantSpan } from './instant.js';
import { tokenize, type Token } from './lexer.js';

export type Operator = 'Eq' | 'Ne' | 'Gt' | 'Ge' | 'Lt' | 'Le' | 'Bt';
export type MatchFunction = 'contains' | 'startswith' | 'endswith';

export type Value =
  /** `segments.length > 1` means the text has `*` wildcards between the segments. */
  | { kind: 'text'; segments: string[]; token: Token }
  | { kind: 'match'; fn: MatchFunction; segments: string[]; token: Token }
  | { kind: 'boolean'; value: boolean; token: Token }
  | { kind: 'null'; token: Token }
  | { kind: 'number'; value: number; token: Token }
  | { kind: 'instant'; span: InstantSpan; token: Token };

export interface Comparison {
  kind: 'comparison';
  field: Token;
  operator: Operator;
  operatorToken: Token;
  values: Value[];
}

export type Expr = Comparison | { kind: 'and' | 'or'; items: Expr[] } | { kind: 'not'; item: Expr };

const OPERATORS: Record<string, Operator> = {
  eq: 'Eq',
  ne: 'Ne',
  gt: 'Gt',
  ge: 'Ge',
  lt: 'Lt',
  le: 'Le',
  bt: 'Bt',
};
const MATCH_FUNCTIONS: readonly string[] = ['contains', 'startswith', 'endswith'];

/** Parses a SparkQL filter: And binds tighter than Or, `A Not B` means `A And Not B`. */
export function parseFilter(filter: string): Expr {
  const parser = new Parser(tokenize(filter));
  const expr = parser.parseOr();
  parser.expectEnd();
  return expr;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private expressions = 0;

  constructor(private readonly tokens: Token[]) {}

  parseOr(): Expr {
    const items = [this.parseAnd()];
    while (this.peekKeyword('or')) {
      this.next();
      items.push(this.parseAnd());
    }
    return combine('or', items);
  }

  expectEnd(): void {
    const extra = this.peek();
    if (extra) throw unexpected(extra);
  }

  private parseAnd(): Expr {
    const items = [this.parseUnary()];
    for (;;) {
      if (this.peekKeyword('and')) {
        this.next();
        items.push(this.parseUnary());
      } else if (this.peekKeyword('not')) {
        this.next();
        items.push({ kind: 'not', item: this.parseUnary() });
      } else {
        return combine('and', items);
      }
    }
  }

  private parseUnary(): Expr {
    if (this.peekKeyword('not')) {
      this.next();
      return { kind: 'not', item: this.parseUnary() };
    }
    if (this.peek()?.kind === '(') {
      this.next();
      if (this.depth === MAX_NESTING) {
        throw filterTooComplex(`Parentheses are nested deeper than ${MAX_NESTING} levels.`);
      }
      this.depth += 1;
      const inner = this.parseOr();
      this.expect(')');
      this.depth -= 1;
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): Comparison {
    const field = this.next();
    if (field.kind !== 'word' || isConjunction(field)) throw unexpected(field);
    const operatorToken = this.next();
    const operator = OPERATORS[operatorToken.raw.toLowerCase()];
    if (operatorToken.kind !== 'word' || !operator) {
      throw filterInvalid(operatorToken.raw, `Unknown operator '${operatorToken.raw}'`);
    }
    const values = [this.parseValue()];
    while (this.peek()?.kind === ',') {
      this.next();
      values.push(this.parseValue());
    }
    checkValueCount(operator, operatorToken, values.length);
    this.expressions += 1;
    if (this.expressions > MAX_EXPRESSIONS) {
      throw filterTooComplex(`The filter has more than ${MAX_EXPRESSIONS} expressions.`);
    }
    return { kind: 'comparison', field, operator, operatorToken, values };
  }

  private parseValue(): Value {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'text', segments: token.segments, token };
      case 'number':
        return { kind: 'number', value: Number(token.raw), token };
      case 'date':
        return { kind: 'instant', span: parseDate(token.raw), token };
      case 'datetime':
        return { kind: 'instant', span: parseDatetime(token.raw), token };
      case 'word':
        return this.parseWordValue(token);
      default:
        throw unexpected(token);
    }
  }

  private parseWordValue(token: Token): Value {
    const word = token.raw.toLowerCase();
    if (this.peek()?.kind === '(') return this.parseMatch(token);
    if (word === 'true' || word === 'false')
      return { kind: 'boolean', value: word === 'true', token };
    if (word === 'null') return { kind: 'null', token };
    throw unexpected(token);
  }

  private parseMatch(token: Token): Value {
    const fn = token.raw.toLowerCase();
    if (!isMatchFunction(fn)) throw filterInvalid(token.raw, `Unknown function '${token.raw}'`);
    this.next();
    const argument = this.next();
    if (argument.kind !== 'string') throw unexpected(argument);
    this.expect(')');
    return { kind: 'match', fn, segments: argument.segments, token };
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private peekKeyword(keyword: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.raw.toLowerCase() === keyword;
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

  private expect(kind: ')'): void {
    const token = this.next();
    if (token.kind !== kind) throw unexpected(token);
  }
}

function combine(kind: 'and' | 'or', items: Expr[]): Expr {
  const [first] = items;
  return items.length === 1 && first ? first : { kind, items };
}

function checkValueCount(operator: Operator, token: Token, count: number): void {
  if (operator === 'Bt' && count !== 2) {
    throw filterInvalid(token.raw, `'${token.raw}' needs two values: low,high`);
  }
  if (operator !== 'Eq' && operator !== 'Ne' && operator !== 'Bt' && count !== 1) {
    throw filterInvalid(token.raw, `'${token.raw}' takes a single value`);
  }
}

function isConjunction(token: Token): boolean {
  return ['and', 'or', 'not'].includes(token.raw.toLowerCase());
}

function isMatchFunction(name: string): name is MatchFunction {
  return MATCH_FUNCTIONS.includes(name);
}

function unexpected(token: Token) {
  const shown = token.kind === 'string' ? token.raw : `'${token.raw}'`;
  return filterInvalid(token.raw, `Unexpected token ${shown}`);
}
