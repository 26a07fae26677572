import { Tooltip } from '@mantine/core';
import type { RefObject } from 'react';

/** The exact time over a relative one: loaded when one is first pointed at (`RelativeTime`). */
export default function ExactTimeTooltip({
  target,
  label,
  opened,
}: {
  target: RefObject<HTMLElement | null>;
  label: string;
  /** Open while the pointer or a finger is on the time (`RelativeTime` follows it). */
  opened: boolean;
}) {
  return <Tooltip target={target} label={label} opened={opened} />;
}
