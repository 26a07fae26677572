import { Suspense } from 'react';
import { Container } from '@mantine/core';
import { Outlet } from 'react-router-dom';
import { AuthGate, UserMenu } from '../features/auth/index.js';
import { AppHeader } from '../ui/app-header.js';
import { OfflineBanner } from '../ui/offline-banner.js';
import { PageLoader } from '../ui/page-loader.js';

/** Signed-in pages: header, offline banner and the page in the main landmark. */
export function AppLayout() {
  return (
    <AuthGate>
      <AppHeader>
        <UserMenu />
      </AppHeader>
      <OfflineBanner />
      <Container component="main" id="main" size="lg" py="md" px={{ base: 'xs', sm: 'md' }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </AuthGate>
  );
}
