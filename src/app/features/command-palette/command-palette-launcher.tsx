import { Suspense, useEffect, useState } from 'react';
import { Box, Button, Text } from '@mantine/core';
import { lazyWithPreload } from 'react-lazy-with-preload';
import { useKeydown } from '../../ui/use-keydown.js';

// Loaded while the user reads the first page, so Ctrl+K opens at once and no keystroke is lost.
const CommandPalette = lazyWithPreload(() =>
  import('./command-palette.js').then((m) => ({ default: m.CommandPalette })),
);
const loadCommandPalette = () => void CommandPalette.preload();

interface CommandPaletteLauncherProps {
  opened: boolean;
  onOpenChange: (opened: boolean) => void;
  onShowShortcuts: () => void;
}

/** A magnifying glass drawn in the text colour (the ⌕ character was too faint to read as one). */
function SearchIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <circle cx="6.5" cy="6.5" r="4.5" />
      <path d="M10 10l4 4" />
    </svg>
  );
}

/** The header's "Jump to…" button and Ctrl/⌘+K; the palette itself loads on first use. */
export function CommandPaletteLauncher({
  opened,
  onOpenChange,
  onShowShortcuts,
}: CommandPaletteLauncherProps) {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(loadCommandPalette, 1000);
    return () => clearTimeout(timer);
  }, []);
  const open = () => {
    setLoaded(true);
    onOpenChange(true);
  };
  useKeydown((event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      if (opened) onOpenChange(false);
      else open();
    }
  });
  return (
    <>
      <Button
        variant="default"
        size="sm"
        onClick={open}
        onMouseEnter={loadCommandPalette}
        onFocus={loadCommandPalette}
        aria-keyshortcuts="Control+K Meta+K"
        aria-label="Jump to…"
        px={{ base: 'xs', sm: 'md' }}
        rightSection={
          <Text span size="xs" c="dimmed" visibleFrom="sm" aria-hidden="true">
            Ctrl+K
          </Text>
        }
      >
        <SearchIcon />
        <Box component="span" visibleFrom="sm" ml={8}>
          Jump to…
        </Box>
      </Button>
      {(loaded || opened) && (
        <Suspense fallback={null}>
          <CommandPalette
            opened={opened}
            onClose={() => onOpenChange(false)}
            onShowShortcuts={onShowShortcuts}
          />
        </Suspense>
      )}
    </>
  );
}
