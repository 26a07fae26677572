import { useDeferredValue, type ReactNode } from 'react';
import { Container } from '@mantine/core';
import { useLocation } from 'react-router-dom';
import { ErrorPanel } from '../../../ui/error-panel.js';
import { PageLoader } from '../../../ui/page-loader.js';
import { useSession } from '../../../data/session.js';
import { SignedOutView } from './signed-out-view.js';

/** Renders its children for a signed-in user; otherwise a loader, an error or the sign-in page. */
export function AuthGate({ children }: { children: ReactNode }) {
  // The switch from the loader to the page renders in the background: if the page's code is
  // still loading, the loader stays up, instead of a Suspense fallback that React would then
  // hold on screen for up to 300 ms after the code arrives.
  const session = useDeferredValue(useSession());
  const location = useLocation();
  if (session.isPending) return <PageLoader label="Checking your sign-in" />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl" component="main">
        <ErrorPanel
          title="Could not check your sign-in"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </Container>
    );
  }
  if (!session.data.user) {
    return (
      <main>
        <SignedOutView
          returnTo={`${location.pathname}${location.search}`}
          ended={session.data.ended ?? false}
        />
      </main>
    );
  }
  return children;
}
