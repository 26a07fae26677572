import { describe, expect, it } from 'vitest';
import { resolveCall } from './functions.js';
import { parseFilter, type Call } from './parser.js';

/** The value of `ModificationTimestamp Eq <call>` evaluated at `now`. */
function valueOf(call: string, now: string) {
  const expr = parseFilter(`ModificationTimestamp Eq ${call}`);
  if (expr.kind !== 'comparison' || expr.values[0]?.kind !== 'call') throw new Error(call);
  const value = resolveCall(expr.values[0] satisfies Call, new Date(now));
  if (value.kind === 'instant') return value.day ?? value.span.from;
  return value.kind === 'time' ? value.value : value.kind;
}

describe('functions of now', () => {
  const now = '2026-12-31T23:59:58.750Z';

  it.each([
    ['now()', '2026-12-31T23:59:58.000Z'],
    ['seconds(3)', '2027-01-01T00:00:01.000Z'],
    ['seconds(-58)', '2026-12-31T23:59:00.000Z'],
    ['minutes(-1440)', '2026-12-30T23:59:58.000Z'],
    ['hours(25)', '2027-01-02T00:59:58.000Z'],
    ['hours(-8760)', '2025-12-31T23:59:58.000Z'],
    ['mindatetime()', '1970-01-01T00:00:00.000Z'],
    ['maxdatetime()', '9999-12-31T23:59:59.000Z'],
  ])('%s is the instant %s', (call, expected) => {
    expect(valueOf(call, now)).toBe(expected);
  });

  it.each([
    ['days(0)', '2026-12-31'],
    ['days(1)', '2027-01-01'],
    ['days(-365)', '2025-12-31'],
    ['months(2)', '2027-02-28'],
    ['months(-10)', '2026-02-28'],
    ['months(14)', '2028-02-29'],
    ['years(-4)', '2022-12-31'],
    ['years(1)', '2027-12-31'],
  ])('%s is the UTC day %s', (call, expected) => {
    expect(valueOf(call, now)).toBe(expected);
  });

  it('keeps the day of the month when the target month has it', () => {
    expect(valueOf('months(1)', '2026-01-15T08:00:00Z')).toBe('2026-02-15');
    expect(valueOf('years(-2)', '2028-02-29T08:00:00Z')).toBe('2026-02-28');
    expect(valueOf('months(-1)', '2026-03-31T08:00:00Z')).toBe('2026-02-28');
  });

  // Friday 2026-11-20, Saturday 21, Sunday 22, Monday 23
  it.each([
    ['2026-11-20', -5, '2026-11-13'],
    ['2026-11-20', -4, '2026-11-16'],
    ['2026-11-20', 0, '2026-11-20'],
    ['2026-11-20', 1, '2026-11-23'],
    ['2026-11-20', 5, '2026-11-27'],
    ['2026-11-20', 6, '2026-11-30'],
    ['2026-11-20', 31, '2027-01-04'],
    ['2026-11-21', -6, '2026-11-13'],
    ['2026-11-21', -1, '2026-11-20'],
    ['2026-11-21', 0, '2026-11-23'],
    ['2026-11-21', 1, '2026-11-23'],
    ['2026-11-21', 2, '2026-11-24'],
    ['2026-11-22', -5, '2026-11-16'],
    ['2026-11-22', 0, '2026-11-23'],
    ['2026-11-22', 6, '2026-11-30'],
    ['2026-11-23', -6, '2026-11-13'],
    ['2026-11-23', -1, '2026-11-20'],
    ['2026-11-23', 5, '2026-11-30'],
    ['2026-11-23', 31, '2027-01-05'],
  ])('weekdays from %s by %i is %s (weekends skipped)', (today, n, expected) => {
    expect(valueOf(`weekdays(${n})`, `${today}T12:00:00Z`)).toBe(expected);
  });

  it('reads date() and time() of a literal as written', () => {
    expect(valueOf('date(2026-11-28T01:00:00+02:00)', now)).toBe('2026-11-28');
    expect(valueOf('date(2026-11-28)', now)).toBe('2026-11-28');
    expect(valueOf('time(2026-11-28T01:02:03.5+0200)', now)).toBe('01:02:03.500');
    expect(valueOf('time(2026-11-28)', now)).toBe('00:00:00.000');
  });

  it('reads contains(), startswith() and endswith() as text matches', () => {
    expect(valueOf("contains('a')", now)).toBe('match');
  });
});
