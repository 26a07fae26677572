import Papa from 'papaparse';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { spreadsheetDateTime, withZone } from '../../../shared/local-time.js';
import { isAgent, memberState } from '../../data/member-state.js';

/** The columns; the sign-in time's says the zone it is written in. */
export const csvColumns = (timeZone: string) => [
  'Group owner',
  'Name',
  'E-mail',
  'Active',
  'Enabled',
  'Status',
  withZone('Last login', timeZone),
];
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A spreadsheet must not run a cell as a formula: such cells get a leading apostrophe. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Left empty where Spark sends nothing (an agent listed in a group). */
const yesNo = (flag: boolean | undefined) => (flag === undefined ? '' : flag ? 'Yes' : 'No');

function ownerName(group: PortalGroup): string {
  return (
    group.Users.find((user) => user.Id === group.ContactId)?.Name ?? group.Users[0]?.Name ?? ''
  );
}

/** The user's time zone, in which CSVs write times. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A sign-in as a spreadsheet reads it, in `timeZone`; "Never" when there was none. */
export const csvSignIn = (value: string | null | undefined, timeZone: string) =>
  value ? spreadsheetDateTime(value, timeZone) : 'Never';

/** One row per member, with a UTF-8 BOM so Excel reads accents right. */
export function membersCsv(
  groups: PortalGroup[],
  emails: Map<string, string | null>,
  now = Date.now(),
  timeZone = localTimeZone(),
): string {
  const rows = groups.flatMap((group) =>
    group.Users.map((user) => {
      const state = memberState(user, now);
      return [
        ownerName(group),
        user.Name,
        emails.get(user.Id) ?? '',
        ...(isAgent(user)
          ? ['', '', '', '']
          : [
              state.active ? 'Yes' : 'No',
              yesNo(user.Enabled),
              state.status,
              csvSignIn(user.LastLogin, timeZone),
            ]),
      ].map(neutralizeFormula);
    }),
  );
  return BOM + Papa.unparse({ fields: csvColumns(timeZone), data: rows }, { newline: '\r\n' });
}
