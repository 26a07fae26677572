import { Text, Tooltip } from '@mantine/core';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 days ago", "in 2 hours", "just now". */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

function formatExact(date: Date): string {
  return exactFormat.format(date);
}

interface RelativeTimeProps {
  /** ISO 8601 timestamp (with or without zone), or null for never. */
  value: string | null | undefined;
  never?: string;
}

/** Relative time, with the exact timestamp on hover and keyboard focus. */
export function RelativeTime({ value, never = 'Never' }: RelativeTimeProps) {
  const date = value ? parseSparkTimestamp(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return (
      <Text span inherit c="dimmed">
        {never}
      </Text>
    );
  }
  const exact = formatExact(date);
  return (
    <Tooltip label={exact} events={{ hover: true, focus: true, touch: true }}>
      <time
        dateTime={date.toISOString()}
        tabIndex={0}
        aria-label={`${formatRelative(date)} (${exact})`}
      >
        {formatRelative(date)}
      </time>
    </Tooltip>
  );
}
