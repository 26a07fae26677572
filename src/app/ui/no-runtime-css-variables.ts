/**
 * Stands in for Mantine's `MantineCssVariables` in the built app (`vite.config.ts`): the theme's
 * variables ship as CSS (`theme-variables.css`, `withCssVariables={false}`), so the component is
 * never drawn, yet bundling it ran Mantine's whole default variable set at load (its
 * `remove-default-variables` module works that out at module scope: ~30 ms on a phone).
 */
export function MantineCssVariables() {
  return null;
}
