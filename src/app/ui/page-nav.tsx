import { Pagination } from '@mantine/core';

interface Props {
  total: number;
  value: number;
  onChange: (page: number) => void;
}

/** Page buttons with spoken names ("Page 3", "Next page"); nothing when there is one page. */
export function PageNav({ total, value, onChange }: Props) {
  if (total <= 1) return null;
  return (
    <Pagination
      total={total}
      value={value}
      onChange={onChange}
      size="sm"
      getControlProps={(control) => ({
        'aria-label': {
          first: 'First page',
          last: 'Last page',
          next: 'Next page',
          previous: 'Previous page',
        }[control],
      })}
      getItemProps={(item) => ({
        'aria-label': `Page ${item}`,
        'aria-current': item === value ? 'page' : undefined,
      })}
    />
  );
}
