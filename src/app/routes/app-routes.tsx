import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';
import { SignedOutPage } from './signed-out-page.js';

const GroupsPage = lazy(() => import('./groups-page.js').then((m) => ({ default: m.GroupsPage })));
const NewGroupPage = lazy(() =>
  import('./new-group-page.js').then((m) => ({ default: m.NewGroupPage })),
);
const GroupPage = lazy(() => import('./group-page.js').then((m) => ({ default: m.GroupPage })));

/** Every client route; signed-in pages sit behind the auth gate in the layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signed-out" element={<SignedOutPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/groups" replace />} />
        <Route path="/groups" element={<GroupsPage />} />
        <Route path="/groups/new" element={<NewGroupPage />} />
        <Route path="/groups/:groupId" element={<GroupPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
