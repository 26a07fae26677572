import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './theme.js';

/** Compares CSS as the browser reads it, not as Prettier lays it out. */
const normalise = (css: string) =>
  css.replace(/\s+/g, '').replaceAll("'", '"').replaceAll(';}', '}');

describe('the theme’s CSS variables', () => {
  it('are shipped as the same CSS Mantine would work out at run time', () => {
    render(
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <div />
      </MantineProvider>,
    );
    const generated = document.querySelector('style[data-mantine-styles]')?.innerHTML ?? '';
    expect(generated).toContain('--pga-danger-text');
    // After a change to the theme, write Mantine's CSS (this `generated`) to theme-variables.css.
    const shipped = readFileSync('src/app/ui/theme-variables.css', 'utf8');
    expect(normalise(shipped.replace(/\/\*[\s\S]*?\*\//g, ''))).toBe(normalise(generated));
  });
});
