import { Checkbox } from '@mantine/core';

interface InactiveFilterProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** Spark cannot filter on member activity, so this narrows only the loaded page, and says so. */
export function InactiveFilter({ checked, onChange }: InactiveFilterProps) {
  return (
    <Checkbox
      label="Has inactive members"
      description="Filters the groups on this page only (Flexmls cannot search on it)"
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
