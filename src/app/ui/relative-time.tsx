import { lazy, Suspense, useRef, useState } from 'react';
import { Text } from '@mantine/core';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';

/**
 * The app's one way of saying when: relative by the calendar ("yesterday" for anything on the
 * day before, never "20 hours ago" beside it), with the exact time in one format.
 */

// Lists show dozens of times: the tooltip (and its positioning code) loads when one is pointed at.
const ExactTimeTooltip = lazy(() => import('./exact-time-tooltip.js'));

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whole calendar days from `now`'s day to `date`'s, in the user's zone (negative: before). */
function calendarDays(date: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(date) - day(now)) / (24 * HOUR));
}

/**
 * "just now", "5 minutes ago", "3 hours ago" within today; then by calendar days: "yesterday",
 * "3 days ago", "last week", "2 months ago", "last year".
 */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const days = calendarDays(date, now);
  if (days === 0) {
    const ms = date.getTime() - now.getTime();
    if (Math.abs(ms) >= HOUR) return relativeFormat.format(Math.trunc(ms / HOUR), 'hour');
    if (Math.abs(ms) >= MINUTE) return relativeFormat.format(Math.trunc(ms / MINUTE), 'minute');
    return 'just now';
  }
  const size = Math.abs(days);
  if (size < 7) return relativeFormat.format(days, 'day');
  if (size < 30) return relativeFormat.format(Math.trunc(days / 7), 'week');
  if (size < 365) return relativeFormat.format(Math.trunc(days / 30), 'month');
  return relativeFormat.format(Math.trunc(days / 365), 'year');
}

/** "Dec 5, 2026, 2:03 PM": the exact time, wherever the app shows one. */
export function formatExact(date: Date): string {
  return exactFormat.format(date);
}

interface RelativeTimeProps {
  /** ISO 8601 timestamp (with or without zone), or null for never. */
  value: string | null | undefined;
  never?: string;
}

/**
 * Relative time, with the exact time on hover (and a touch) and in its accessible name. Not a tab
 * stop: a row's timestamps are read, not operated.
 */
export function RelativeTime({ value, never = 'Never' }: RelativeTimeProps) {
  // Where the pointer (or a finger) is: 'none' until it first comes (no tooltip code yet).
  const [pointer, setPointer] = useState<'none' | 'over' | 'left'>('none');
  const target = useRef<HTMLTimeElement>(null);
  const date = value ? parseSparkTimestamp(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return (
      <Text span inherit c="dimmed">
        {never}
      </Text>
    );
  }
  const exact = formatExact(date);
  const relative = formatRelative(date);
  return (
    <>
      <time
        ref={target}
        dateTime={date.toISOString()}
        aria-label={`${relative} (${exact})`}
        onMouseEnter={() => setPointer('over')}
        onMouseLeave={() => setPointer('left')}
        onTouchStart={() => setPointer('over')}
        onTouchEnd={() => setPointer('left')}
      >
        {relative}
      </time>
      {pointer !== 'none' && (
        <Suspense>
          <ExactTimeTooltip target={target} label={exact} opened={pointer === 'over'} />
        </Suspense>
      )}
    </>
  );
}
