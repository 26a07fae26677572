import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { formatRelative, RelativeTime } from './relative-time.js';

describe('formatRelative', () => {
  // Local times: the calendar is the user's.
  const now = new Date(2026, 10, 27, 12, 0, 0);
  const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
  it('says how long ago within today, and by calendar day before it', () => {
    expect(formatRelative(at(27, 11, 59), now)).toBe('1 minute ago');
    expect(formatRelative(new Date(now.getTime() - 30_000), now)).toBe('just now');
    expect(formatRelative(at(27, 2), now)).toBe('10 hours ago');
    // 20 hours ago was yesterday: said so, as 30 hours ago is.
    expect(formatRelative(at(26, 16), now)).toBe('yesterday');
    expect(formatRelative(at(26, 6), now)).toBe('yesterday');
    expect(formatRelative(at(24, 23), now)).toBe('3 days ago');
    expect(formatRelative(at(13, 12), now)).toBe('2 weeks ago');
    expect(formatRelative(new Date(2026, 6, 20), now)).toBe('4 months ago');
    expect(formatRelative(new Date(2024, 10, 1), now)).toBe('2 years ago');
  });
});

describe('RelativeTime', () => {
  it('is not a tab stop, and carries the exact time in its name', () => {
    render(
      <MantineProvider>
        <RelativeTime value="2026-11-20T14:03:00Z" />
      </MantineProvider>,
    );
    const time = screen.getByLabelText(/ago|last week/);
    expect(time.tagName).toBe('TIME');
    expect(time).not.toHaveAttribute('tabindex');
    expect(time.getAttribute('aria-label')).toMatch(/\(Nov 20, 2026, \d{1,2}:03 (AM|PM)\)$/);
  });

  it('shows the exact time in a tooltip while a finger is on it', async () => {
    render(
      <MantineProvider>
        <RelativeTime value="2026-11-20T14:03:00Z" />
      </MantineProvider>,
    );
    const time = screen.getByLabelText(/ago|last week/);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    fireEvent.touchStart(time);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /^Nov 20, 2026, \d{1,2}:03 (AM|PM)$/,
    );
    fireEvent.touchEnd(time);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });
});
