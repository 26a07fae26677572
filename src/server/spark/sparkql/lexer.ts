import { filterInvalid } from './filter-errors.js';

export type Token =
  | { kind: 'word' | 'number' | 'date' | 'datetime' | '(' | ')' | ','; raw: string; pos: number }
  /** `segments` is the unescaped text split at each unescaped `*` (one segment: no wildcard). */
  | { kind: 'string'; raw: string; pos: number; segments: string[] };

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const LITERAL_RUN = /[A-Za-z0-9_.:+-]+/y;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/** Splits a SparkQL filter into tokens; throws 1040 on a character or literal it cannot read. */
export function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < filter.length) {
    const ch = filter.charAt(pos);
    if (/\s/.test(ch)) {
      pos += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, raw: ch, pos });
      pos += 1;
    } else if (ch === "'") {
      const token = readString(filter, pos);
      tokens.push(token);
      pos += token.raw.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const raw = matchAt(WORD, filter, pos);
      tokens.push({ kind: 'word', raw, pos });
      pos += raw.length;
    } else if (/[0-9-]/.test(ch)) {
      const raw = matchAt(LITERAL_RUN, filter, pos);
      tokens.push({ kind: literalKind(raw), raw, pos });
      pos += raw.length;
    } else {
      throw filterInvalid(ch, `Unexpected character '${ch}'`);
    }
  }
  return tokens;
}

function matchAt(pattern: RegExp, text: string, pos: number): string {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0] ?? '';
}

function literalKind(raw: string): 'number' | 'date' | 'datetime' {
  if (NUMBER.test(raw)) return 'number';
  if (DATE.test(raw)) return 'date';
  if (DATETIME.test(raw)) return 'datetime';
  throw filterInvalid(raw, `Unexpected token '${raw}'`);
}

/** A quoted text: `\x` stands for x (so `\'` and `\*`), and `''` for one quote, as in SQL. */
function readString(filter: string, start: number): Token {
  const segments: string[] = [];
  let current = '';
  let pos = start + 1;
  while (pos < filter.length) {
    const ch = filter.charAt(pos);
    if (ch === '\\' && pos + 1 < filter.length) {
      current += filter.charAt(pos + 1);
      pos += 2;
    } else if (ch === "'" && filter.charAt(pos + 1) === "'") {
      current += "'";
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
