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

/** Mantine's default "dimmed" grey is below 4.5:1 on white; these pass AA in both schemes. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] },
});
