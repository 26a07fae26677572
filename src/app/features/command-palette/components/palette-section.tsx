import { Spotlight } from '@mantine/spotlight';
import type { PaletteCommand } from '../palette-actions.js';

interface Props {
  label: string;
  commands: PaletteCommand[];
}

/** One titled part of the results list; nothing when it has no entries. */
export function PaletteSection({ label, commands }: Props) {
  if (commands.length === 0) return null;
  return (
    <Spotlight.ActionsGroup label={label}>
      {commands.map((command) => (
        <Spotlight.Action
          key={command.id}
          label={command.label}
          description={command.description}
          onClick={command.run}
        />
      ))}
    </Spotlight.ActionsGroup>
  );
}
