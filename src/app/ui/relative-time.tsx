import { lazy, Suspense, useRef, useState } from 'react';
import { Text } from '@mantine/core';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';

/**
 * The app's one way of saying when: relative by the calendar ("yesterday" for anything on the
 * day before, never "20 hours ago" beside it), with the exact time in one format.
 */

// Lists show dozens of times: the tooltip (and its positioning code) loads when one is pointed at.
const ExactTimeTooltip = lazy(() => import('./exact-time-tooltip.js'));

// The words are Intl's (`relative-time.test.tsx` checks them against it), written out: the first
// Intl object a page makes loads the browser's locale data, 50-130 ms on a fast machine (several
// times that on a phone), right before a list's first row. Intl loads when something else needs it.

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** What `Intl.RelativeTimeFormat('en', { numeric: 'auto' })` says for -1, 0 and 1. */
const NAMED: Record<Unit, [string, string, string]> = {
  minute: ['1 minute ago', 'this minute', 'in 1 minute'],
  hour: ['1 hour ago', 'this hour', 'in 1 hour'],
  day: ['yesterday', 'today', 'tomorrow'],
  week: ['last week', 'this week', 'next week'],
  month: ['last month', 'this month', 'next month'],
  year: ['last year', 'this year', 'next year'],
};

/** "3 days ago", "in 2 weeks", "yesterday": English, as Intl's relative time format says it. */
export function relativeWords(value: number, unit: Unit): string {
  if (value >= -1 && value <= 1) return NAMED[unit][Math.round(value) + 1] ?? '';
  const size = Math.abs(value);
  const count = `${String(size).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${unit}${size === 1 ? '' : 's'}`;
  return value < 0 ? `${count} ago` : `in ${count}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
    if (Math.abs(ms) >= HOUR) return relativeWords(Math.trunc(ms / HOUR), 'hour');
    if (Math.abs(ms) >= MINUTE) return relativeWords(Math.trunc(ms / MINUTE), 'minute');
    return 'just now';
  }
  const size = Math.abs(days);
  if (size < 7) return relativeWords(days, 'day');
  if (size < 30) return relativeWords(Math.trunc(days / 7), 'week');
  if (size < 365) return relativeWords(Math.trunc(days / 30), 'month');
  return relativeWords(Math.trunc(days / 365), 'year');
}

/** "Dec 5, 2026, 2:03 PM": the exact time, wherever the app shows one. */
export function formatExact(date: Date): string {
  const hour = date.getHours();
  const minute = String(date.getMinutes()).padStart(2, '0');
  const time = `${hour % 12 || 12}:${minute} ${hour < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}, ${time}`;
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
