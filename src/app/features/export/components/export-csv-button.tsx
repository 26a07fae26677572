import { Button } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { notifyError, notifySuccess } from '../../../ui/notify.js';
import type { PersonNeedingAttention } from '../../../data/people-needing-attention.js';

const loadExport = () => import('../export-members.js');
type ExportModule = Awaited<ReturnType<typeof loadExport>>;

interface CsvButtonProps<T> extends ButtonProps {
  rows: T[];
  /** What the failure names: "the members", "the people". */
  what: string;
  /** Whose data it is: the toasts belong to that account. */
  account?: Account;
  write: (module: ExportModule, rows: T[]) => void | Promise<void>;
}

/** "Export CSV" of `rows`; the CSV code loads on first use (or when the pointer or focus nears). */
function CsvButton<T>({ rows, what, account, write, ...buttonProps }: CsvButtonProps<T>) {
  const exportCsv = useMutation({
    mutationFn: async (shown: T[]) => write(await loadExport(), shown),
    meta: { syncKeys: [] },
    onSuccess: () => notifySuccess('CSV downloaded', account && { account }),
    onError: (error) => notifyError(`Could not export ${what}`, error, account && { account }),
  });
  return (
    <Button
      variant="default"
      {...buttonProps}
      loading={exportCsv.isPending}
      disabled={rows.length === 0}
      onMouseEnter={() => void loadExport()}
      onFocus={() => void loadExport()}
      onClick={() => exportCsv.mutate(rows)}
    >
      Export CSV
    </Button>
  );
}

/** "Export CSV": the members of the given groups. */
export function ExportCsvButton({
  groups,
  ...buttonProps
}: ButtonProps & { groups: PortalGroup[] }) {
  const account = useAccount();
  return (
    <CsvButton
      {...buttonProps}
      rows={groups}
      what="the members"
      account={account}
      write={(module, selected) => module.exportMembers(account, selected)}
    />
  );
}

/** "Export CSV" of the people who need attention, as shown (filter and order). */
export function ExportPeopleCsvButton({
  people,
  ...buttonProps
}: ButtonProps & { people: PersonNeedingAttention[] }) {
  return (
    <CsvButton
      {...buttonProps}
      rows={people}
      what="the people"
      write={(module, shown) => module.exportPeople(shown)}
    />
  );
}
