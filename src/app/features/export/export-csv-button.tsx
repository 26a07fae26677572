import { Button } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import { useAccount } from '../../account/use-account.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';

const loadExport = () => import('./export-members.js');

interface ExportCsvButtonProps extends ButtonProps {
  groups: PortalGroup[];
}

/** "Export CSV": the members of the given groups; the CSV code loads on first use. */
export function ExportCsvButton({ groups, ...buttonProps }: ExportCsvButtonProps) {
  const account = useAccount();
  const exportCsv = useMutation({
    mutationFn: async (selected: PortalGroup[]) =>
      (await loadExport()).exportMembers(account, selected),
    meta: { syncKeys: [] },
    onSuccess: () => notifySuccess('CSV downloaded', { account }),
    onError: (error) => notifyError('Could not export the members', error, { account }),
  });
  return (
    <Button
      variant="default"
      {...buttonProps}
      loading={exportCsv.isPending}
      disabled={groups.length === 0}
      onMouseEnter={() => void loadExport()}
      onFocus={() => void loadExport()}
      onClick={() => exportCsv.mutate(groups)}
    >
      Export CSV
    </Button>
  );
}
