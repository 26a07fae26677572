import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { dotColor, type DotTone } from './theme.js';

/** A badge with a coloured dot that stays visible in both schemes (see `dotShades`). */
export function DotBadge({
  tone,
  children,
  ...props
}: Omit<BadgeProps, 'variant' | 'color'> & { tone: DotTone; children: ReactNode }) {
  return (
    <Badge variant="dot" color={dotColor(tone)} {...props}>
      {children}
    </Badge>
  );
}
