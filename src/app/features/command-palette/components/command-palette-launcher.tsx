import { Suspense, useEffect, useRef, useState } from 'react';
import { Box, Button, Text, VisuallyHidden } from '@mantine/core';
import { lazyWithPreload } from 'react-lazy-with-preload';
import { useKeydown } from '../../../ui/use-keydown.js';
import { PALETTE_SEARCH_ATTRIBUTE } from '../palette-search-attribute.js';

// Loaded on intent (the button hovered or focused, Ctrl/⌘+K), not on every first visit: what is
// typed while it loads goes into the query kept here.
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
  // The query lives here, not in the palette: keys typed before its box has focus are added to
  // it in the order they come, and the box shows it once mounted. (The palette used to copy a
  // typed-ahead string into its own query from an effect, which a key typed into the box at the
  // same moment could overwrite: "Beatriz" became "Betriz".)
  const [query, setQuery] = useState('');
  // Until the palette's box is there, what is typed goes into this box, focused with the Ctrl+K
  // press itself: text a keydown does not carry (an accented letter from a dead key or an input
  // method, "García") is kept as well.
  const typeAhead = useRef<HTMLInputElement>(null);
  const focusedBefore = useRef<Element | null>(null);
  const catching = useRef(false);
  /**
   * Focus never stays in the hidden box once it has served: it goes to what the user moved it to
   * meanwhile (`/` pressed as the palette closed), else to what had it before Ctrl+K.
   */
  const giveFocusBack = (from: EventTarget | null) => {
    const usable = (element: unknown): element is HTMLElement =>
      element instanceof HTMLElement &&
      element.isConnected &&
      element !== document.body &&
      element !== typeAhead.current &&
      !element.hasAttribute(PALETTE_SEARCH_ATTRIBUTE);
    const target = [from, focusedBefore.current].find(usable);
    if (target) target.focus();
    else typeAhead.current?.blur();
  };
  const open = () => {
    setLoaded(true);
    onOpenChange(true);
  };
  useKeydown((event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      if (opened) onOpenChange(false);
      else {
        focusedBefore.current = document.activeElement;
        catching.current = true;
        typeAhead.current?.focus();
        open();
      }
    }
  });
  useEffect(() => {
    if (!opened) return;
    const box = typeAhead.current;
    const keep = (event: KeyboardEvent) => {
      const active = document.activeElement;
      if (active?.hasAttribute(PALETTE_SEARCH_ATTRIBUTE) || active === box) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const typed = event.key.length === 1;
      if (!typed && event.key !== 'Backspace') return;
      event.preventDefault();
      event.stopPropagation();
      setQuery((text) => (typed ? text + event.key : text.slice(0, -1)));
      // Once the box is there the next key goes straight to it.
      document.querySelector<HTMLElement>(`[${PALETTE_SEARCH_ATTRIBUTE}]`)?.focus();
    };
    window.addEventListener('keydown', keep, true);
    return () => {
      window.removeEventListener('keydown', keep, true);
      // Closed: the next opening starts empty, and focus never stays in the hidden box.
      setQuery('');
      catching.current = false;
      if (box && document.activeElement === box) giveFocusBack(null);
    };
  }, [opened]);
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
      <VisuallyHidden>
        <input
          ref={typeAhead}
          tabIndex={-1}
          aria-hidden="true"
          value={opened ? query : ''}
          onChange={(event) => setQuery(event.currentTarget.value)}
          // The palette, closing, hands focus back to what had it when it opened: this box.
          onFocus={(event) => {
            if (!catching.current) giveFocusBack(event.relatedTarget);
          }}
        />
      </VisuallyHidden>
      {(loaded || opened) && (
        <Suspense fallback={null}>
          <CommandPalette
            opened={opened}
            onClose={() => onOpenChange(false)}
            onShowShortcuts={onShowShortcuts}
            query={query}
            onQueryChange={setQuery}
          />
        </Suspense>
      )}
    </>
  );
}
