import Papa from 'papaparse';
import type { PersonNeedingAttention } from '../../data/people-needing-attention.js';
import { groupName } from '../../data/group-summary.js';
import { neutralizeFormula } from './members-csv.js';

export const PEOPLE_CSV_COLUMNS = ['Name', 'E-mail', 'Why', 'Last login', 'Circles', 'Agent'];
const BOM = '\uFEFF';

/** One row per person who needs attention, in the order shown, with a BOM for Excel. */
export function peopleCsv(
  people: PersonNeedingAttention[],
  emails: Map<string, string | null>,
): string {
  const rows = people.map((person) =>
    [
      person.user.Name,
      emails.get(person.key) ?? '',
      person.state.status,
      person.user.LastLogin ?? 'Never',
      person.circles
        .map(({ group, owns }) => (owns ? 'Own circle' : `${groupName(group)}'s circle`))
        .join('; '),
      person.agentName ?? '',
    ].map(neutralizeFormula),
  );
  return BOM + Papa.unparse({ fields: PEOPLE_CSV_COLUMNS, data: rows }, { newline: '\r\n' });
}
