import { describe, expect, it } from 'vitest';
import { isTimeZone, spreadsheetDateTime, withZone } from './local-time.js';

describe('spreadsheet dates', () => {
  it('writes local wall-clock time in the zone, as a spreadsheet reads it', () => {
    expect(spreadsheetDateTime('2026-12-05T13:03:11Z', 'Europe/Berlin')).toBe('2026-12-05 14:03');
    expect(spreadsheetDateTime('2026-12-05T03:03:00Z', 'America/Chicago')).toBe('2026-12-04 21:03');
    expect(spreadsheetDateTime('2026-12-05T00:30:00Z', 'UTC')).toBe('2026-12-05 00:30');
    expect(spreadsheetDateTime('not a date', 'UTC')).toBe('');
    expect(withZone('Last login', 'Europe/Berlin')).toBe('Last login (Europe/Berlin)');
  });

  it('knows a time zone from a made-up one', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
