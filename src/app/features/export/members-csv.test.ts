import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../../testing/fixtures.js';
import { csvFileName } from './export-members.js';
import { csvColumns, membersCsv, neutralizeFormula } from './members-csv.js';

describe('members CSV', () => {
  const owner = makeUser('Álvaro Núñez', { LastLogin: '2026-11-20T14:03:11Z' });
  const quoted = makeUser('Dana "D" O\'Brien, Jr.', { Active: false, Enabled: false });
  const evil = makeUser('=HYPERLINK("http://x")');
  const group = makeGroup([], {
    ContactId: owner.Id,
    Users: [owner, quoted, evil],
  });
  const emails = new Map<string, string | null>([
    [owner.Id, 'alvaro@example.com'],
    [quoted.Id, '+1@example.com'],
    [evil.Id, null],
  ]);

  it('starts with a UTF-8 BOM and the header, one row per member, with correct quoting', () => {
    const csv = membersCsv([group], emails, Date.parse('2026-12-01T00:00:00Z'), 'Europe/Berlin');
    expect(
      csv.startsWith(
        '\uFEFFGroup owner,Name,E-mail,Active,Enabled,Status,Last login (Europe/Berlin)\r\n',
      ),
    ).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(csvColumns('Europe/Berlin'));
    expect(parsed.data.slice(1)).toEqual([
      [
        'Álvaro Núñez',
        'Álvaro Núñez',
        'alvaro@example.com',
        'Yes',
        'Yes',
        'Active this month',
        // Local time in the zone the header names, as a spreadsheet reads a date.
        '2026-11-20 15:03',
      ],
      [
        'Álvaro Núñez',
        'Dana "D" O\'Brien, Jr.',
        "'+1@example.com",
        'No',
        'No',
        'Portal off',
        'Never',
      ],
      // Spark's flag said Active, but who never signed in is not: the one rule decides.
      ['Álvaro Núñez', '\'=HYPERLINK("http://x")', '', 'No', 'Yes', 'Never signed in', 'Never'],
    ]);
    expect(csv).toContain('"Dana ""D"" O\'Brien, Jr."');
  });

  it('puts an apostrophe before cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', 'plain', 'a=b'].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      'a=b',
    ]);
  });

  it('names the file after the owner, or the number of groups', () => {
    const today = new Date('2026-12-01T10:00:00Z');
    expect(csvFileName([group], today)).toBe('members-alvaro-nunez-2026-12-01.csv');
    expect(csvFileName([group, makeGroup(['B'])], today)).toBe('members-2-groups-2026-12-01.csv');
  });
});
