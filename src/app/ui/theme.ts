import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import classes from './theme.module.css';

/** primaryShade 8 and autoContrast keep text on coloured backgrounds above WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: 'md',
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  components: {
    // Every dialog's close button needs a name for screen readers. (A plain object, not
    // Modal.extend, so the theme does not pull the Modal code into the first load.)
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Checkbox: { classNames: { input: classes.control } },
    Radio: { classNames: { radio: classes.control } },
  },
});

/** What a status dot says; each has a shade per scheme (see `dotShades`). */
export type DotTone = 'positive' | 'caution' | 'info' | 'negative' | 'portal' | 'neutral';

/**
 * A dot sits on the badge's own background (white, or dark.5 in dark mode) and must stand out
 * from it by 3:1 (WCAG 1.4.11): dark shades on white, light ones on dark grey (4.3–8.2:1 each).
 */
const dotShades: Record<DotTone, [color: string, light: number, dark: number]> = {
  positive: ['green', 9, 5],
  caution: ['orange', 9, 5],
  info: ['blue', 8, 4],
  negative: ['red', 8, 4],
  portal: ['teal', 9, 5],
  neutral: ['gray', 7, 4],
};

export const dotColor = (tone: DotTone) => `var(--pga-dot-${tone})`;

const dotVariables = (t: Parameters<CSSVariablesResolver>[0], scheme: 1 | 2) =>
  Object.fromEntries(
    Object.entries(dotShades).map(([tone, shades]) => [
      `--pga-dot-${tone}`,
      t.colors[shades[0]]?.[shades[scheme]] ?? '',
    ]),
  );

/**
 * Red text for a quiet destructive action (a subtle "Remove"): Mantine's subtle red is red.0 in
 * dark mode, which reads as white. red.9 on white and red.5 on dark grey are red and above 4.5:1.
 */
export const dangerText = 'var(--pga-danger-text)';

/** Mantine's default "dimmed" grey is below 4.5:1 on white; these pass AA in both schemes. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--pga-danger-text': t.colors.red[9],
    ...dotVariables(t, 1),
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--pga-danger-text': t.colors.red[5],
    ...dotVariables(t, 2),
  },
});
