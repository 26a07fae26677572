import { lazy, Suspense, useState } from 'react';
import { Container } from '@mantine/core';
import { Outlet, useSearchParams } from 'react-router-dom';
import {
  AgentAddedSwitch,
  WorkingForBanner,
} from '../features/agents/components/working-for-banner.js';
import { WorkingForControl } from '../features/agents/components/working-for-button.js';
import { AuthGate, UserMenu } from '../features/auth/index.js';
import { CommandPaletteLauncher } from '../features/command-palette/command-palette-launcher.js';
import { GlobalShortcuts } from '../features/shortcuts/global-shortcuts.js';
import { AppHeader } from '../ui/app-header.js';
import { OfflineBanner } from '../ui/offline-banner.js';
import { PageLoader } from '../ui/page-loader.js';

const AgentErrorNotice = lazy(() =>
  import('../features/agents/components/agent-error-notice.js').then((m) => ({
    default: m.AgentErrorNotice,
  })),
);

/** Signed-in pages: header, offline banner and the page in the main landmark. */
export function AppLayout() {
  const [paletteOpened, setPaletteOpened] = useState(false);
  const [shortcutsOpened, setShortcutsOpened] = useState(false);
  const agentError = useSearchParams()[0].has('agentError');
  return (
    <AuthGate>
      <AppHeader>
        <CommandPaletteLauncher
          opened={paletteOpened}
          onOpenChange={setPaletteOpened}
          onShowShortcuts={() => setShortcutsOpened(true)}
        />
        <WorkingForControl />
        <UserMenu />
      </AppHeader>
      <WorkingForBanner />
      {agentError && (
        <Suspense fallback={null}>
          <AgentErrorNotice />
        </Suspense>
      )}
      <AgentAddedSwitch />
      <GlobalShortcuts
        opened={shortcutsOpened}
        onOpenChange={setShortcutsOpened}
        onNoSearchBox={() => setPaletteOpened(true)}
      />
      <OfflineBanner />
      <Container component="main" id="main" size="lg" py="md" px={{ base: 'xs', sm: 'md' }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </AuthGate>
  );
}
