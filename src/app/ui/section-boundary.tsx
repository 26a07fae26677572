import type { ReactNode } from 'react';
import { Alert, Button, Text } from '@mantine/core';
import { ErrorBoundary } from 'react-error-boundary';

/** Loads the page again: the way out when part of the app could not be fetched. */
export function reload() {
  window.location.reload();
}

/**
 * A part of a page whose code could not be fetched (offline, or a new version put live) or that
 * failed to render: said in its place, and the rest of the page stays (a circle's members offline).
 */
export function SectionBoundary({ what, children }: { what: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={() => (
        // The title in the page's own text colour: Mantine's yellow title is below 4.5:1.
        <Alert
          color="yellow"
          variant="light"
          role="status"
          aria-label={`${what} could not be shown`}
        >
          <Text size="sm" fw={700}>
            {what} could not be shown
          </Text>
          <Text size="sm">
            This part of the page could not be loaded, usually because the connection dropped or a
            new version was just put live. The rest of the page works; reload it to see this part.
          </Text>
          <Button size="xs" mt="xs" variant="default" onClick={reload}>
            Reload
          </Button>
        </Alert>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
