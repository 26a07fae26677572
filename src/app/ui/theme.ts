import { createTheme } from '@mantine/core';

/** primaryShade 8 and autoContrast keep text on coloured backgrounds above WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: 'md',
});
