import type { PortalGroup } from '../../../shared/portal-groups.js';
import type { Account } from '../../account/account.js';
import { fetchContactEmails } from '../../data/fetch-contact-emails.js';
import { membersCsv } from './members-csv.js';

function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function csvFileName(groups: PortalGroup[], today = new Date()): string {
  const date = today.toISOString().slice(0, 10);
  const owner =
    groups.length === 1
      ? groups[0]?.Users.find((u) => u.Id === groups[0]?.ContactId)?.Name
      : undefined;
  const slug = (owner ?? `${groups.length}-groups`)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `members-${slug || 'group'}-${date}.csv`;
}

/** Fetches the members' e-mails and downloads the CSV. */
export async function exportMembers(account: Account, groups: PortalGroup[]): Promise<void> {
  const emails = await fetchContactEmails(
    account,
    groups.flatMap((group) => group.Users.map((user) => user.Id)),
  );
  downloadText(membersCsv(groups, emails), csvFileName(groups));
}
