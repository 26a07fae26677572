import { filterInvalid } from './filter-errors.js';

export type Operator = 'Eq' | 'Ne' | 'Gt' | 'Ge' | 'Lt' | 'Le' | 'Bt';
export type Conjunction = 'And' | 'Or' | 'Not';

interface At {
  raw: string;
  pos: number;
}

/**
 * A SparkQL token, classified as Spark's lexer does (sparkapi/sparkql `lib/sparkql/token.rb`):
 * a `field` starts with a capital letter, a `keyword` (a function name) with a small one;
 * operators and conjunctions are case-insensitive, `true`/`false` and `NULL`/`null`/`Null` are
 * the only spellings of those literals.
 */
export type Token =
  | (At & {
      kind:
        | '('
        | ')'
        | ','
        | 'field'
        | 'keyword'
        | 'custom'
        | 'word'
        | 'arithmetic'
        | 'boolean'
        | 'null'
        | 'integer'
        | 'decimal'
        | 'date'
        | 'datetime'
        | 'time';
    })
  | (At & { kind: 'operator'; name: Operator })
  | (At & { kind: 'conjunction'; name: Conjunction })
  /** `segments` is the unescaped text split at each unescaped `*` (one segment: no wildcard). */
  | (At & { kind: 'string'; segments: string[] });

const RESERVED: Record<string, Token['kind'] & ('operator' | 'conjunction' | 'arithmetic')> = {
  eq: 'operator',
  ne: 'operator',
  gt: 'operator',
  ge: 'operator',
  lt: 'operator',
  le: 'operator',
  bt: 'operator',
  and: 'conjunction',
  or: 'conjunction',
  not: 'conjunction',
  add: 'arithmetic',
  sub: 'arithmetic',
  mul: 'arithmetic',
  div: 'arithmetic',
  mod: 'arithmetic',
};

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const LITERAL_RUN = /[A-Za-z0-9.:+-]+/y;
const CUSTOM_FIELD = /"[^$."][^."]+"\."[^$."][^."]*"/y;
const SPACE = /[ \t\r\n]/;

const LITERALS: [Token['kind'] & ('integer' | 'decimal' | 'date' | 'datetime' | 'time'), RegExp][] =
  [
    ['integer', /^-?\d+$/],
    ['decimal', /^-?\d+\.\d+([Ee]-?\d{1,2})?$/],
    ['date', /^\d{4}-\d{2}-\d{2}$/],
    ['datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,50})?)?([+-]\d{2}:?\d{2}|Z)?$/],
    ['time', /^\d{2}:\d{2}(:\d{2}(\.\d{1,50})?)?$/],
  ];

/** Splits a SparkQL filter into tokens; throws 1040 on a character or literal it cannot read. */
export function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < filter.length) {
    const ch = filter.charAt(pos);
    let token: Token;
    if (SPACE.test(ch)) {
      pos += 1;
      continue;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      token = { kind: ch, raw: ch, pos };
    } else if (ch === "'") {
      token = readString(filter, pos);
    } else if (ch === '"') {
      const raw = matchAt(CUSTOM_FIELD, filter, pos);
      if (!raw) throw filterInvalid(ch, `Unexpected character '${ch}'`);
      token = { kind: 'custom', raw, pos };
    } else if (/[A-Za-z_]/.test(ch)) {
      token = classifyWord(matchAt(WORD, filter, pos), pos);
    } else if (/[0-9-]/.test(ch)) {
      token = classifyLiteral(matchAt(LITERAL_RUN, filter, pos), pos);
    } else {
      throw filterInvalid(ch, `Unexpected character '${ch}'`);
    }
    tokens.push(token);
    pos += token.raw.length;
  }
  return tokens;
}

function matchAt(pattern: RegExp, text: string, pos: number): string {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0] ?? '';
}

function classifyWord(raw: string, pos: number): Token {
  const lower = raw.toLowerCase();
  const reserved = Object.hasOwn(RESERVED, lower) ? RESERVED[lower] : undefined;
  const name = `${lower.charAt(0).toUpperCase()}${lower.slice(1)}`;
  if (reserved === 'operator') return { kind: 'operator', name: name as Operator, raw, pos };
  if (reserved === 'conjunction') {
    return { kind: 'conjunction', name: name as Conjunction, raw, pos };
  }
  if (reserved) return { kind: 'arithmetic', raw, pos };
  if (raw === 'true' || raw === 'false') return { kind: 'boolean', raw, pos };
  if (raw === 'NULL' || raw === 'null' || raw === 'Null') return { kind: 'null', raw, pos };
  if (/^[A-Z][A-Za-z0-9]*$/.test(raw)) return { kind: 'field', raw, pos };
  if (/^[a-z][A-Za-z]*$/.test(raw)) return { kind: 'keyword', raw, pos };
  return { kind: 'word', raw, pos };
}

function classifyLiteral(raw: string, pos: number): Token {
  const match = LITERALS.find(([, pattern]) => pattern.test(raw));
  if (!match) throw filterInvalid(raw, `Unexpected token '${raw}'`);
  return { kind: match[0], raw, pos };
}

/** A quoted text: `\x` stands for x (so `\'`, `\\` and `\*`); Spark knows no other escape. */
function readString(filter: string, start: number): Token {
  const segments: string[] = [];
  let current = '';
  let pos = start + 1;
  while (pos < filter.length) {
    const ch = filter.charAt(pos);
    if (ch === '\\' && pos + 1 < filter.length) {
      current += filter.charAt(pos + 1);
      pos += 2;
    } else if (ch === "'") {
      segments.push(current);
      return { kind: 'string', raw: filter.slice(start, pos + 1), pos: start, segments };
    } else if (ch === '*') {
      segments.push(current);
      current = '';
      pos += 1;
    } else {
      current += ch;
      pos += 1;
    }
  }
  const rest = filter.slice(start);
  throw filterInvalid(rest, `Unterminated text ${rest}`);
}
