import { Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime.js';
import { parseSparkTimestamp } from '../spark-timestamp.js';

dayjs.extend(relativeTime);

const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "3 days ago", with the exact time on hover and keyboard focus; "Never" when there is none. */
export function RelativeTime({ value }: { value: string | null }) {
  if (!value) return <Text span>Never</Text>;
  const date = parseSparkTimestamp(value);
  if (Number.isNaN(date.getTime())) return <Text span>{value}</Text>;
  return (
    <Tooltip label={exactFormat.format(date)} events={{ hover: true, focus: true, touch: true }}>
      <time dateTime={date.toISOString()} tabIndex={0}>
        {dayjs(date).fromNow()}
      </time>
    </Tooltip>
  );
}
