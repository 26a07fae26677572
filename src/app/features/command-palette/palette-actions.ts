export interface PaletteCommand {
  id: string;
  label: string;
  description?: string;
  run: () => void;
}

/** Commands whose label or description contains every word typed. */
export function matchCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const text = `${command.label} ${command.description ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
