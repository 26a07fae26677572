import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Box } from '@mantine/core';
import { TOAST_ROOM, useReserveBottom } from '../../ui/reserve-bottom.js';
import type { PortalGroup } from '../../../shared/portal-groups.js';
import type { GroupSelection } from './use-group-selection.js';

const BulkBar = lazy(() => import('./bulk-bar.js').then((m) => ({ default: m.BulkBar })));

/** The bulk bar, below the table and stuck to the bottom of the screen: ticking a row never moves the table. */
export function BulkDock({
  selection,
  moreActions,
}: {
  selection: GroupSelection;
  moreActions?: (selected: PortalGroup[]) => ReactNode;
}) {
  const ref = useReserveBottom();
  return (
    <Box
      ref={ref}
      pos="sticky"
      // Above the toast, if one is shown: it never covers the bar's buttons.
      bottom={`var(${TOAST_ROOM}, 0px)`}
      py="xs"
      bg="var(--mantine-color-body)"
      style={{ zIndex: 2 }}
    >
      <Suspense fallback={null}>
        <BulkBar
          selected={selection.selected}
          onClear={selection.clear}
          moreActions={moreActions}
        />
      </Suspense>
    </Box>
  );
}
