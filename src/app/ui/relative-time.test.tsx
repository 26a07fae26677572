import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExact, formatRelative, relativeWords, RelativeTime } from './relative-time.js';

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

describe('the words, written out instead of asking Intl (whose first use loads locale data)', () => {
  it('says every count of every unit as Intl.RelativeTimeFormat does', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const units = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
    const counts = Array.from({ length: 4001 }, (_, i) => i - 2000);
    for (const unit of units) {
      expect(counts.map((n) => relativeWords(n, unit))).toEqual(
        counts.map((n) => intl.format(n, unit)),
      );
    }
  });

  it('says an exact time as Intl.DateTimeFormat does (en-US, medium date, short time)', () => {
    const intl = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1970, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
        (date) => formatExact(date) === intl.format(date),
      ),
      { numRuns: 5000 },
    );
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
