import { Table, UnstyledButton } from '@mantine/core';
export type SortDirection = 'ascending' | 'descending';

interface Props {
  label: string;
  /** The direction when this column is the sort column, else undefined. */
  direction: SortDirection | undefined;
  onSort: () => void;
}

export function SortableTh({ label, direction, onSort }: Props) {
  const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <Table.Th aria-sort={direction ?? 'none'}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {label}{' '}
        <span aria-hidden="true" style={{ opacity: direction ? 1 : 0.6 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
