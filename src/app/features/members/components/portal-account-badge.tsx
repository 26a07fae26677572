import type { PortalAccountStatus } from '../../../data/use-portal-account-status.js';
import { DotBadge } from '../../../ui/dot-badge.js';
import type { DotTone } from '../../../ui/theme.js';

const labels: Record<PortalAccountStatus, { text: string; tone: DotTone } | null> = {
  enabled: { text: 'Portal account', tone: 'portal' },
  disabled: { text: 'Portal account (disabled)', tone: 'negative' },
  none: { text: 'No portal account', tone: 'neutral' },
  checking: { text: 'Checking portal account…', tone: 'neutral' },
  unknown: null,
};

export function PortalAccountBadge({ status }: { status: PortalAccountStatus }) {
  const label = labels[status];
  if (!label) return null;
  return (
    <DotBadge tone={label.tone} style={{ flexShrink: 0 }}>
      {label.text}
    </DotBadge>
  );
}
