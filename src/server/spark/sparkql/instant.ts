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
const TIME_PARTS = /T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):(\d{2}))?$/i;
const DAY_MS = 86_400_000;

export function parseDate(raw: string): InstantSpan {
  const start = dayStart(raw);
  return { from: iso(start), to: iso(start + DAY_MS), toInclusive: false };
}

/** A datetime with no zone is taken as UTC (our choice). */
export function parseDatetime(raw: string): InstantSpan {
  const time = TIME_PARTS.exec(raw);
  if (!time) throw invalidDate(raw);
  const [, hh = '', mm = '', ss = '00', fraction = '', zone, sign, offH = '0', offM = '0'] = time;
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss)];
  const offset = Number(offH) * 60 + Number(offM);
  if (hours > 23 || minutes > 59 || seconds > 59 || Number(offH) > 23 || Number(offM) > 59) {
    throw invalidDate(raw);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = dayStart(raw) + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  const utc = zone && sign ? local - (sign === '+' ? offset : -offset) * 60_000 : local;
  const instant = iso(utc);
  return { from: instant, to: instant, toInclusive: true };
}

function dayStart(raw: string): number {
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
