interface ShortcutHelp {
  keys: string[];
  what: string;
}

export const SHORTCUTS: ShortcutHelp[] = [
  { keys: ['Ctrl', 'K'], what: 'Jump to a group, contact or action (⌘ K on a Mac)' },
  { keys: ['/'], what: 'Search the list (or jump anywhere when a page has no search)' },
  { keys: ['j'], what: 'Next row of the groups table' },
  { keys: ['k'], what: 'Previous row of the groups table' },
  { keys: ['Enter'], what: 'Open the focused row' },
  { keys: ['Esc'], what: 'Leave the search box or close a dialog' },
  { keys: ['?'], what: 'Show these shortcuts' },
];
