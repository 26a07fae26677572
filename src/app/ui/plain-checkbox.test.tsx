import { render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Checkbox, MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { PlainCheckbox } from './plain-checkbox.js';
import { renderWithProviders } from '../testing/render-app.js';
import { theme } from './theme.js';

/** Mantine gives its input an id for a label; a row's box is named by aria-label instead. */
const markup = (element: Element | null) => (element?.outerHTML ?? '').replace(/ id="[^"]*"/, '');

function Toggle() {
  const [checked, setChecked] = useState(false);
  return (
    <PlainCheckbox
      aria-label="Select Buyers"
      checked={checked}
      onChange={(event) => setChecked(event.currentTarget.checked)}
    />
  );
}

describe('a row’s checkbox', () => {
  it.each([false, true])('is the markup of Mantine’s Checkbox (checked: %s)', (checked) => {
    const { container } = render(
      <MantineProvider theme={theme}>
        <div data-testid="mantine">
          <Checkbox aria-label="Select Buyers" checked={checked} onChange={() => {}} />
        </div>
        <div data-testid="plain">
          <PlainCheckbox aria-label="Select Buyers" checked={checked} onChange={() => {}} />
        </div>
      </MantineProvider>,
    );
    const box = (id: string) => container.querySelector(`[data-testid="${id}"] > div`);
    expect(markup(box('plain'))).toContain('type="checkbox"');
    expect(markup(box('plain'))).toBe(markup(box('mantine')));
  });

  it('is named for its row and ticks with a click or the space bar', async () => {
    const { user } = renderWithProviders(<Toggle />);
    const box = screen.getByRole('checkbox', { name: 'Select Buyers' });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(box).toBeChecked();
    expect(box.closest('[data-checked]')).not.toBeNull();
    await user.keyboard(' ');
    expect(box).not.toBeChecked();
    expect(box.closest('[data-checked]')).toBeNull();
  });
});
