import { filterInvalid } from './filter-errors.js';
import { DAY_MS, clockText, dayStart, daySpan, instantSpan, parseTime } from './instant.js';
import type { Call, MatchFunction, Value } from './parser.js';

/**
 * Spark's SparkQL functions (sparkapi/sparkql `function_resolver.rb`, `docs/FUNCTIONS.md`) that
 * this emulator does not evaluate: a filter using one is refused as outside the subset, naming it.
 */
const OUTSIDE_SUBSET = new Set([
  'all',
  'cast',
  'ceiling',
  'concat',
  'dayofweek',
  'dayofyear',
  'floor',
  'indexof',
  'length',
  'linestring',
  'polygon',
  'radius',
  'range',
  'rectangle',
  'regex',
  'round',
  'substring',
  'tolower',
  'toupper',
  'trim',
  'wkt',
]);

/** Functions of a datetime field (`year(ModificationTimestamp) Eq 2026`), evaluated in UTC. */
export const FIELD_FUNCTIONS = {
  year: { type: 'number', sql: (c: string) => `CAST(strftime('%Y', ${c}) AS INTEGER)` },
  month: { type: 'number', sql: (c: string) => `CAST(strftime('%m', ${c}) AS INTEGER)` },
  day: { type: 'number', sql: (c: string) => `CAST(strftime('%d', ${c}) AS INTEGER)` },
  hour: { type: 'number', sql: (c: string) => `CAST(strftime('%H', ${c}) AS INTEGER)` },
  minute: { type: 'number', sql: (c: string) => `CAST(strftime('%M', ${c}) AS INTEGER)` },
  second: { type: 'number', sql: (c: string) => `CAST(strftime('%S', ${c}) AS INTEGER)` },
  fractionalseconds: {
    type: 'number',
    sql: (c: string) =>
      `ROUND(CAST(strftime('%f', ${c}) AS REAL) - CAST(strftime('%S', ${c}) AS INTEGER), 3)`,
  },
  date: { type: 'date', sql: (c: string) => `date(${c})` },
  time: { type: 'time', sql: (c: string) => `strftime('%H:%M:%f', ${c})` },
} as const;
export type FieldFunction = keyof typeof FIELD_FUNCTIONS;

const VALUE_FUNCTIONS = [
  'contains',
  'startswith',
  'endswith',
  'now',
  'mindatetime',
  'maxdatetime',
  'seconds',
  'minutes',
  'hours',
  'days',
  'weekdays',
  'months',
  'years',
  'date',
  'time',
] as const;
type ValueFunction = (typeof VALUE_FUNCTIONS)[number];

const MIN_MS = utcDay(0, 0, 1);
const MAX_MS = utcDay(9999, 11, 31) + DAY_MS - 1;

export function isFieldFunction(name: string): name is FieldFunction {
  return Object.hasOwn(FIELD_FUNCTIONS, name);
}

/** Refuses a function this emulator does not evaluate where it was used. */
export function refuseFunction(call: Call): never {
  const known = (name: string) =>
    OUTSIDE_SUBSET.has(name) ||
    isFieldFunction(name) ||
    (VALUE_FUNCTIONS as readonly string[]).includes(name);
  if (OUTSIDE_SUBSET.has(call.name)) {
    throw filterInvalid(call.name, `Function '${call.name}' is not supported by this service`);
  }
  if (!known(call.name) && known(call.name.toLowerCase())) {
    throw filterInvalid(
      call.name,
      `Unknown function '${call.name}': function names are written in lower case`,
    );
  }
  if (known(call.name)) {
    throw filterInvalid(
      call.name,
      `Function '${call.name}' cannot be used on this side of the operator`,
    );
  }
  throw filterInvalid(call.name, `Unsupported function call '${call.name}'`);
}

/** A function on a value's side, evaluated now (`days(-7)` is the UTC day a week ago). */
export function resolveCall(call: Call, now: Date): Value {
  const name = call.name;
  if (!(VALUE_FUNCTIONS as readonly string[]).includes(name)) refuseFunction(call);
  const fn = name as ValueFunction;
  switch (fn) {
    case 'contains':
    case 'startswith':
    case 'endswith': {
      const [text] = takeArgs(call, 1);
      if (text?.kind !== 'text') throw badArgument(call, text);
      const match: MatchFunction = fn;
      return { kind: 'match', fn: match, segments: text.segments, token: call.token };
    }
    case 'now':
    case 'mindatetime':
    case 'maxdatetime':
      takeArgs(call, 0);
      return instant(
        call,
        fn === 'now' ? wholeSecond(now) : fn === 'mindatetime' ? 0 : MAX_MS - 999,
      );
    case 'seconds':
    case 'minutes':
    case 'hours': {
      const unit = { seconds: 1000, minutes: 60_000, hours: 3_600_000 }[fn];
      return instant(call, wholeSecond(now) + integerArg(call) * unit);
    }
    case 'days':
      return date(call, today(now) + integerArg(call) * DAY_MS);
    case 'weekdays':
      return date(call, weekdays(today(now), integerArg(call)));
    case 'months':
      return date(call, addMonths(today(now), integerArg(call)));
    case 'years':
      return date(call, addMonths(today(now), integerArg(call) * 12));
    case 'date':
    case 'time':
      return ofLiteral(call, fn);
  }
}

function takeArgs(call: Call, count: number) {
  if (call.args.length !== count) {
    throw filterInvalid(
      call.name,
      `Function call '${call.name}' takes ${count} argument${count === 1 ? '' : 's'}`,
    );
  }
  return call.args;
}

function badArgument(call: Call, arg: Call['args'][number] | undefined) {
  return filterInvalid(
    call.name,
    `Function call '${call.name}' has an invalid argument at ${arg?.token.raw ?? ''}`,
  );
}

function integerArg(call: Call): number {
  const [arg] = takeArgs(call, 1);
  if (arg?.kind !== 'number' || arg.token.kind !== 'integer') throw badArgument(call, arg);
  return arg.value;
}

function instant(call: Call, ms: number): Value {
  return { kind: 'instant', span: instantSpan(inRange(call, ms)), token: call.token };
}

function date(call: Call, ms: number): Value {
  const start = inRange(call, ms);
  return {
    kind: 'instant',
    span: daySpan(start),
    day: new Date(start).toISOString().slice(0, 10),
    token: call.token,
  };
}

function inRange(call: Call, ms: number): number {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw filterInvalid(
      call.name,
      `Function call '${call.name}' gives a date outside the years 0000 to 9999`,
    );
  }
  return ms;
}

/** `date(2026-11-27T10:00:00-06:00)` is the day as written, `time(...)` the time as written. */
function ofLiteral(call: Call, fn: 'date' | 'time'): Value {
  const [arg] = takeArgs(call, 1);
  if (arg?.kind !== 'instant') throw badArgument(call, arg);
  const raw = arg.token.raw;
  if (fn === 'date') return date(call, dayStart(raw));
  const clock = /T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/.exec(raw)?.[1];
  return { kind: 'time', value: clock ? parseTime(clock) : clockText(0), token: call.token };
}

function wholeSecond(now: Date): number {
  return Math.floor(now.getTime() / 1000) * 1000;
}

function today(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS) * DAY_MS;
}

/** Midnight UTC of a day (Date.UTC would read the years 0-99 as 1900-1999). */
function utcDay(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month, day);
}

/** Same day n months on, or the month's last day when it has no such day (Jan 31 + 1: Feb 28). */
function addMonths(dayMs: number, months: number): number {
  const day = new Date(dayMs);
  const month = day.getUTCMonth() + months;
  const length = new Date(utcDay(day.getUTCFullYear(), month + 1, 1) - DAY_MS).getUTCDate();
  return utcDay(day.getUTCFullYear(), month, Math.min(day.getUTCDate(), length));
}

/**
 * n business days from today (Saturday and Sunday skipped). On a weekend, counting forward starts
 * from the Friday before and 0 is the Monday after; counting back starts from that Monday.
 */
function weekdays(dayMs: number, n: number): number {
  if (!Number.isFinite(n) || Math.abs(n) > 3_000_000) return Number.NaN;
  const weekday = new Date(dayMs).getUTCDay();
  let start = dayMs;
  if (weekday === 6 || weekday === 0) {
    const toFriday = weekday === 6 ? 1 : 2;
    start = n > 0 ? dayMs - toFriday * DAY_MS : dayMs + (3 - toFriday) * DAY_MS;
  }
  const direction = Math.sign(n);
  const weeks = Math.trunc(Math.abs(n) / 5) * direction;
  let ms = start + weeks * 7 * DAY_MS;
  for (let left = Math.abs(n) % 5; left > 0;) {
    ms += direction * DAY_MS;
    const day = new Date(ms).getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return ms;
}
