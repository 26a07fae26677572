import { lazy, Suspense, useEffect, useState } from 'react';
import { Container } from '@mantine/core';
import { Outlet, useSearchParams } from 'react-router-dom';
import { accountScope } from '../account/account.js';
import { useAccount, useAccountPaths } from '../account/use-account.js';
import {
  AgentAddedSwitch,
  WorkingForBanner,
} from '../features/agents/components/working-for-banner.js';
import { WorkingForControl } from '../features/agents/components/working-for-button.js';
import { useForgetRemovedAgents } from '../features/agents/api/forget-removed-agents.js';
import { AuthGate } from '../features/auth/components/auth-gate.js';
import { UserMenu } from '../features/auth/components/user-menu.js';
import { CommandPaletteLauncher } from '../features/command-palette/command-palette-launcher.js';
import { GlobalShortcuts } from '../features/shortcuts/global-shortcuts.js';
import { AppHeader } from '../ui/app-header.js';
import { OfflineBanner } from '../ui/offline-banner.js';
import { PageLoader } from '../ui/page-loader.js';
import { TOAST_ROOM } from '../ui/reserve-bottom.js';
import { setToastScope } from '../ui/toast-store.js';

const AgentErrorNotice = lazy(() =>
  import('../features/agents/components/agent-error-notice.js').then((m) => ({
    default: m.AgentErrorNotice,
  })),
);

/**
 * An account's pages (the own account's, or under `/for/:agentId` an agent's): header, offline
 * banner and the page in the main landmark.
 */
export function AppLayout() {
  return (
    <AuthGate>
      <SignedInLayout />
    </AuthGate>
  );
}

function SignedInLayout() {
  const [paletteOpened, setPaletteOpened] = useState(false);
  const [shortcutsOpened, setShortcutsOpened] = useState(false);
  const agentError = useSearchParams()[0].has('agentError');
  const account = useAccount();
  const paths = useAccountPaths();
  useForgetRemovedAgents();
  const scope = accountScope(account);
  // A toast about the account left goes; one about it arriving later is not shown.
  useEffect(() => setToastScope(scope), [scope]);
  return (
    <>
      <AppHeader home={paths.groups()}>
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
      <Container
        component="main"
        id="main"
        size="lg"
        pt="md"
        // The toast's room at the end: scrolled down, the last row is above it.
        pb={`calc(var(--mantine-spacing-md) + var(${TOAST_ROOM}, 0px))`}
        px={{ base: 'xs', sm: 'md' }}
      >
        <Suspense fallback={<PageLoader />}>
          {/* Another account's pages start afresh: no state carried over from the one left. */}
          <Outlet key={scope} />
        </Suspense>
      </Container>
    </>
  );
}
