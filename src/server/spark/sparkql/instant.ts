import { filterInvalid } from './filter-errors.js';

/**
 * A date or datetime literal as a span of UTC instants (ISO `YYYY-MM-DDTHH:MM:SS.sssZ`):
 * a date is its whole UTC day [from, to), a datetime the single instant [from, from].
 */
export interface InstantSpan {
  from: string;
  to: string;
  toInclusive: boolean;
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME_PARTS = /T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):?(\d{2}))?$/;
const CLOCK = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
export const DAY_MS = 86_400_000;

export function parseDate(raw: string): InstantSpan {
  return daySpan(dayStart(raw));
}

/** The whole UTC day that starts at `start` (ms). */
export function daySpan(start: number): InstantSpan {
  return { from: iso(start), to: iso(start + DAY_MS), toInclusive: false };
}

export function instantSpan(ms: number): InstantSpan {
  const instant = iso(ms);
  return { from: instant, to: instant, toInclusive: true };
}

/** A datetime with no zone is taken as UTC (our choice); `+0100` and `+01:00` are the same. */
export function parseDatetime(raw: string): InstantSpan {
  const time = TIME_PARTS.exec(raw);
  if (!time) throw invalidDate(raw);
  const [, hh = '', mm = '', ss = '00', fraction = '', zone, sign, offH = '0', offM = '0'] = time;
  if (!validClock(hh, mm, ss) || Number(offH) > 23 || Number(offM) > 59) throw invalidDate(raw);
  const offset = Number(offH) * 60 + Number(offM);
  const local = dayStart(raw) + clockMs(hh, mm, ss, fraction);
  const utc = zone && sign ? local - (sign === '+' ? offset : -offset) * 60_000 : local;
  return instantSpan(utc);
}

/** A time of day (`10:22`, `10:22:15.5`) as `HH:MM:SS.sss`, the form it is compared in. */
export function parseTime(raw: string): string {
  const parts = CLOCK.exec(raw);
  const [, hh = '', mm = '', ss = '00', fraction = ''] = parts ?? [];
  if (!parts || !validClock(hh, mm, ss)) throw filterInvalid(raw, `Invalid time '${raw}'`);
  return clockText(clockMs(hh, mm, ss, fraction));
}

/** `HH:MM:SS.sss` of a number of milliseconds into a day. */
export function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function validClock(hh: string, mm: string, ss: string): boolean {
  return Number(hh) <= 23 && Number(mm) <= 59 && Number(ss) <= 59;
}

function clockMs(hh: string, mm: string, ss: string, fraction: string): number {
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss)) * 1000 + millis;
}

/** Midnight UTC of the literal's calendar day, in ms. */
export function dayStart(raw: string): number {
  const parts = DATE_PARTS.exec(raw);
  if (!parts) throw invalidDate(raw);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) throw invalidDate(raw);
  return date.getTime();
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function invalidDate(raw: string) {
  return filterInvalid(raw, `Invalid date '${raw}'`);
}
