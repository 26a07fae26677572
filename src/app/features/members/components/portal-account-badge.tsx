import { Badge } from '@mantine/core';
import type { PortalAccountStatus } from '../../../data/use-portal-account-status.js';

const labels: Record<PortalAccountStatus, { text: string; color: string } | null> = {
  enabled: { text: 'Portal account', color: 'teal' },
  disabled: { text: 'Portal account (disabled)', color: 'yellow' },
  none: { text: 'No portal account', color: 'gray' },
  checking: { text: 'Checking portal account…', color: 'gray' },
  unknown: null,
};

export function PortalAccountBadge({ status }: { status: PortalAccountStatus }) {
  const label = labels[status];
  if (!label) return null;
  return (
    <Badge variant="dot" color={label.color} style={{ flexShrink: 0 }}>
      {label.text}
    </Badge>
  );
}
