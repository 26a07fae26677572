import { parseSparkTimestamp } from '../../api/spark-timestamp.js';

/*
 * A saved search's SparkQL filter said in plain words: "Active homes in Fargo under $400,000,
 * 3+ beds". Only what a saved search commonly holds is said (conditions joined by And, on the
 * listing fields); a filter with Or, Not, parentheses or functions is shown as written instead.
 */

type Value = { kind: 'text'; text: string } | { kind: 'number'; number: number; raw: string };

interface Condition {
  field: string;
  op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'bt';
  values: Value[];
  /** `contains('x')` / `'*x*'`: the text is a part of the field. */
  contains?: boolean;
}

const OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'bt']);

/** Splits a filter into words, numbers, quoted texts and commas; null on anything else. */
function tokens(filter: string): string[] | null {
  const out: string[] = [];
  const pattern =
    /\s*(?:('(?:[^'\\]|\\.)*')|([A-Za-z_][A-Za-z0-9_]*\([^)]*\))|([A-Za-z_]\w*)|(-?\d[\w.:+-]*)|(,))/y;
  let pos = 0;
  while (pos < filter.length) {
    if (/^\s*$/.test(filter.slice(pos))) break;
    pattern.lastIndex = pos;
    const match = pattern.exec(filter);
    if (!match) return null;
    out.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '');
    pos = pattern.lastIndex;
  }
  return out;
}

function unquote(token: string): string {
  return token.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** One value token: a quoted text, a number, or `contains('x')`; null when it is none of them. */
function readValue(token: string): { value: Value; contains?: boolean } | null {
  if (token.startsWith("'")) {
    const text = unquote(token);
    const wildcard = /^\*([^*]+)\*$/.exec(text);
    if (wildcard?.[1]) return { value: { kind: 'text', text: wildcard[1] }, contains: true };
    if (text.includes('*')) return null;
    return { value: { kind: 'text', text } };
  }
  const fn = /^contains\('((?:[^'\\]|\\.)*)'\)$/i.exec(token);
  if (fn?.[1] !== undefined) {
    return { value: { kind: 'text', text: fn[1].replace(/\\(.)/g, '$1') }, contains: true };
  }
  const number = Number(token);
  if (/^-?\d+(\.\d+)?$/.test(token) && Number.isFinite(number)) {
    return { value: { kind: 'number', number, raw: token } };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(token)) return { value: { kind: 'text', text: token } };
  return null;
}

/** `A Eq x And B Ge y, z …` as conditions; null for anything beyond a plain conjunction. */
export function parseConjunction(filter: string): Condition[] | null {
  const list = tokens(filter);
  if (!list?.length) return null;
  const conditions: Condition[] = [];
  let at = 0;
  while (at < list.length) {
    const field = list[at];
    const op = list[at + 1]?.toLowerCase();
    if (!field || !/^[A-Za-z_]\w*$/.test(field) || !op || !OPS.has(op)) return null;
    at += 2;
    const values: Value[] = [];
    let contains = false;
    for (;;) {
      const read = readValue(list[at] ?? '');
      if (!read) return null;
      values.push(read.value);
      contains ||= read.contains === true;
      at += 1;
      if (list[at] !== ',') break;
      at += 1;
    }
    conditions.push({ field, op: op as Condition['op'], values, contains });
    if (at < list.length) {
      if (list[at]?.toLowerCase() !== 'and') return null;
      at += 1;
      if (at >= list.length) return null;
    }
  }
  return conditions;
}

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "a or b", "a, b or c". */
function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function texts(condition: Condition): string[] {
  return condition.values.map((value) => (value.kind === 'text' ? value.text : value.raw));
}

function numbers(condition: Condition): number[] | null {
  const out: number[] = [];
  for (const value of condition.values) {
    if (value.kind !== 'number') return null;
    out.push(value.number);
  }
  return out;
}

/** A number range in words: "under $400,000", "3+ beds", "2–4 baths". */
function range(
  condition: Condition,
  show: (n: number) => string,
  unit: { plus: (n: number) => string; suffix: string },
): string | null {
  const values = numbers(condition);
  const [first, second] = values ?? [];
  if (first === undefined) return null;
  const { suffix } = unit;
  switch (condition.op) {
    case 'eq':
      return values && values.length > 1
        ? `${orList(values.map(show))}${suffix}`
        : `${show(first)}${suffix}`;
    case 'ne':
      return `not ${orList((values ?? []).map(show))}${suffix}`;
    case 'ge':
      return unit.plus(first);
    case 'gt':
      return `over ${show(first)}${suffix}`;
    case 'le':
      return `up to ${show(first)}${suffix}`;
    case 'lt':
      return `under ${show(first)}${suffix}`;
    case 'bt':
      return second === undefined ? null : `${show(first)}–${show(second)}${suffix}`;
  }
}

const quantity = (noun: string) => ({
  plus: (n: number) => `${count.format(n)}+ ${noun}`,
  suffix: ` ${noun}`,
});

/** Words for one condition, and where they go in the sentence. */
interface Part {
  slot: 'status' | 'type' | 'place' | 'price' | 'rest';
  words: string;
}

const TYPE_NOUNS: Record<string, string | undefined> = {
  A: 'homes',
  B: 'condos',
  C: 'multi-family homes',
  D: 'lots',
};

/** The demo MLS's codes (a live MLS names its own in its property-types metadata). */
function typeNoun(code: string): string {
  return TYPE_NOUNS[code.toUpperCase()] ?? `listings of type ${code}`;
}

function describeCondition(condition: Condition): Part | null {
  const { field, op } = condition;
  const isEq = op === 'eq' && !condition.contains;
  const isNe = op === 'ne' && !condition.contains;
  switch (field) {
    case 'MlsStatus':
      if (isEq) return { slot: 'status', words: orList(texts(condition)) };
      if (isNe) return { slot: 'rest', words: `not ${orList(texts(condition))}` };
      return null;
    case 'PropertyType':
      if (isEq) return { slot: 'type', words: orList(texts(condition).map(typeNoun)) };
      if (isNe) return { slot: 'rest', words: `no ${orList(texts(condition).map(typeNoun))}` };
      return null;
    case 'City':
    case 'PostalCode':
      if (isEq) return { slot: 'place', words: orList(texts(condition)) };
      if (isNe) return { slot: 'rest', words: `not in ${orList(texts(condition))}` };
      return null;
    case 'ListPrice': {
      const words = range(condition, (n) => money.format(n), {
        plus: (n) => `from ${money.format(n)}`,
        suffix: '',
      });
      return words ? { slot: 'price', words: op === 'eq' ? `at ${words}` : words } : null;
    }
    case 'BedsTotal': {
      const words = range(condition, (n) => count.format(n), quantity('beds'));
      return words ? { slot: 'rest', words } : null;
    }
    case 'BathsTotal': {
      const words = range(condition, (n) => count.format(n), quantity('baths'));
      return words ? { slot: 'rest', words } : null;
    }
    case 'BuildingAreaTotal': {
      const words = range(condition, (n) => count.format(n), quantity('sq ft'));
      return words ? { slot: 'rest', words } : null;
    }
    case 'ListingId':
      if (isEq) return { slot: 'rest', words: `MLS # ${orList(texts(condition))}` };
      return null;
    case 'UnparsedAddress':
      if (op === 'eq' && condition.contains) {
        return { slot: 'rest', words: `address contains “${texts(condition).join('”, “')}”` };
      }
      if (isEq) return { slot: 'rest', words: `at ${orList(texts(condition))}` };
      return null;
    case 'ModificationTimestamp': {
      const [value] = texts(condition);
      const date = value ? parseSparkTimestamp(value) : null;
      if (!date || Number.isNaN(date.getTime()) || condition.values.length !== 1) return null;
      if (op === 'ge' || op === 'gt') {
        return { slot: 'rest', words: `changed since ${dateFormat.format(date)}` };
      }
      if (op === 'le' || op === 'lt') {
        return { slot: 'rest', words: `unchanged since ${dateFormat.format(date)}` };
      }
      return null;
    }
    default:
      return null;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The filter in plain words, or null when it cannot be said faithfully (the app then shows the
 * filter as written). A search with no filter matches every listing.
 */
export function filterInWords(filter: string | null | undefined): string | null {
  if (!filter?.trim()) return 'Every listing';
  const conditions = parseConjunction(filter);
  if (!conditions) return null;
  const slots: Record<Part['slot'], string[]> = {
    status: [],
    type: [],
    place: [],
    price: [],
    rest: [],
  };
  for (const condition of conditions) {
    const part = describeCondition(condition);
    if (!part) return null;
    slots[part.slot].push(part.words);
  }
  // Spark refuses two conditions on one field in a saved search; said once each, it stays clear.
  if (slots.status.length > 1 || slots.type.length > 1) return null;
  const head = [
    slots.status[0] ? capitalize(slots.status[0]) : '',
    slots.type[0] ?? 'listings',
    slots.place.length ? `in ${slots.place.join(', ')}` : '',
    ...slots.price,
  ]
    .filter(Boolean)
    .join(' ');
  return [capitalize(head), ...slots.rest].join(', ');
}
