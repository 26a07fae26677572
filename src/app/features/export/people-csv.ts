import Papa from 'papaparse';
import type { PersonNeedingAttention } from '../../data/people-needing-attention.js';
import { groupName } from '../../data/group-summary.js';
import { withZone } from '../../../shared/local-time.js';
import { csvSignIn, localTimeZone, neutralizeFormula } from './members-csv.js';

export const peopleCsvColumns = (timeZone: string) => [
  'Name',
  'E-mail',
  'Why',
  withZone('Last login', timeZone),
  'Circles',
  'Agent',
];
const BOM = '\uFEFF';

/** One row per person who needs attention, in the order shown, with a BOM for Excel. */
export function peopleCsv(
  people: PersonNeedingAttention[],
  emails: Map<string, string | null>,
  timeZone = localTimeZone(),
): string {
  const rows = people.map((person) =>
    [
      person.user.Name,
      emails.get(person.key) ?? '',
      person.state.status,
      csvSignIn(person.user.LastLogin, timeZone),
      person.circles
        .map(({ group, owns }) => (owns ? 'Own circle' : `${groupName(group)}'s circle`))
        .join('; '),
      person.agentName ?? '',
    ].map(neutralizeFormula),
  );
  return (
    BOM + Papa.unparse({ fields: peopleCsvColumns(timeZone), data: rows }, { newline: '\r\n' })
  );
}
