import { Box, Progress } from '@mantine/core';
import { useIsFetching, useIsMutating } from '@tanstack/react-query';

/** A slim bar at the top of the window while any query or mutation is in flight. */
export function ProgressBar() {
  const busy = useIsFetching() + useIsMutating() > 0;
  if (!busy) return null;
  return (
    <Box
      role="progressbar"
      aria-label="Loading data"
      aria-busy="true"
      pos="fixed"
      top={0}
      left={0}
      right={0}
      style={{ zIndex: 1000 }}
    >
      <Progress value={100} animated size={3} radius={0} aria-hidden="true" />
    </Box>
  );
}
