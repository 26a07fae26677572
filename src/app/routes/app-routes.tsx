import { useEffect } from 'react';
import { lazyWithPreload } from 'react-lazy-with-preload';
import { Navigate, Route, Routes } from 'react-router-dom';
import { parseAgentPath } from '../api/acting-for.js';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';
import { SignedOutPage } from './signed-out-page.js';

// Pages load on demand, but ahead of need: a page whose code is already here renders at once,
// where a lazy page that suspends is held back by React for up to 300 ms after its code arrives.
const GroupsPage = lazyWithPreload(() =>
  import('./groups-page.js').then((m) => ({ default: m.GroupsPage })),
);
const NewGroupPage = lazyWithPreload(() =>
  import('./new-group-page.js').then((m) => ({ default: m.NewGroupPage })),
);
const GroupPage = lazyWithPreload(() =>
  import('./group-page.js').then((m) => ({ default: m.GroupPage })),
);

const AuditPage = lazyWithPreload(() =>
  import('./audit-page.js').then((m) => ({ default: m.AuditPage })),
);

const isHome = /^\/(groups\/?)?$/.test(parseAgentPath(window.location.pathname).page);
// The home page's code loads alongside the sign-in check, not after it.
if (isHome) void GroupsPage.preload();

/** Every client route; signed-in pages sit behind the auth gate in the layout. */
export function AppRoutes() {
  useEffect(() => {
    // Once the first page is up, fetch the others' code while the user reads it.
    const preloadAll = () => [GroupsPage, GroupPage, NewGroupPage].forEach((p) => void p.preload());
    // jsdom and older Safari have no requestIdleCallback.
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(preloadAll, 200);
      return () => clearTimeout(timer);
    }
    const id = window.requestIdleCallback(preloadAll);
    return () => window.cancelIdleCallback(id);
  }, []);
  return (
    <Routes>
      <Route path="/signed-out" element={<SignedOutPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/groups" replace />} />
        <Route path="/groups" element={<GroupsPage />} />
        <Route path="/groups/new" element={<NewGroupPage />} />
        <Route path="/groups/:groupId" element={<GroupPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
