import { lazy, Suspense, ReactNode, useLayoutEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { HomeRedirect, RequireRole, Role } from '../auth/RequireRole';
import { RequireSession } from '../auth/RequireSession';
import { AppLayout } from '../layout/AppLayout';
import { LoginPage } from '../pages/LoginPage';
import { isLedger, takeOverFromShell, workbenchView } from '../boot/early';

// Pages other than login load on demand, so the first load stays small (bench/web measures it).
const loadWorkbench = () => import('../pages/WorkbenchPage');
const WorkbenchPage = lazy(loadWorkbench);
const loadLedger = () => import('../pages/LedgerPage');
// Opening the app on the 工作台 (the usual start) or the 总台账: fetch its code now, while the session is restored.
if (workbenchView(location)) void loadWorkbench();
if (isLedger(location)) void loadLedger();
const TaskPage = lazy(() => import('../pages/TaskPage'));
const InboxPage = lazy(() => import('../pages/InboxPage'));
const SettingsPage = lazy(() => import('../pages/SettingsPage'));
const AckPage = lazy(() => import('../pages/AckPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const SupervisionPage = lazy(() => import('../pages/SupervisionPage'));
const LedgerPage = lazy(loadLedger);
const ReviewPage = lazy(() => import('../pages/ReviewPage'));
const ImportPage = lazy(() => import('../pages/ImportPage'));
const ImportPreviewPage = lazy(() => import('../pages/ImportPreviewPage'));
const CockpitPage = lazy(() => import('../pages/CockpitPage'));
const PlanPage = lazy(() => import('../pages/PlanPage'));
const AdminUsersPage = lazy(() => import('../pages/AdminUsersPage'));
const AdminUnitsPage = lazy(() => import('../pages/AdminUnitsPage'));
const AdminCalendarPage = lazy(() => import('../pages/AdminCalendarPage'));
const NewItemPage = lazy(() => import('../pages/NewItemPage'));

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;
const rolePage = (roles: Role[], node: ReactNode) => page(<RequireRole roles={roles}>{node}</RequireRole>);

/**
 * Pages live under /app; the API keeps its own paths, so the two never collide. Declarative routes
 * (no data router): the pages fetch through TanStack Query, and the router stays small.
 */
/** Away from the 工作台 (a redirect to login, a link followed), the boot script's copy of it goes. */
function ShellHandover() {
  const location = useLocation();
  const onWorkbench = !!workbenchView({ pathname: `/app${location.pathname}`, search: location.search });
  useLayoutEffect(() => {
    if (!onWorkbench) takeOverFromShell();
  }, [onWorkbench]);
  return null;
}

export function AppRoutes() {
  return (
    <BrowserRouter basename="/app">
      <ShellHandover />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/ack/:token" element={page(<AckPage />)} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="/workbench" element={page(<WorkbenchPage />)} />
          <Route path="/items/new" element={rolePage(['supervisor'], <NewItemPage />)} />
          <Route path="/items/:id" element={page(<TaskPage />)} />
          <Route path="/inbox" element={page(<InboxPage />)} />
          <Route path="/settings" element={page(<SettingsPage />)} />
          <Route path="/supervision" element={rolePage(['supervisor'], <SupervisionPage />)} />
          <Route path="/ledger" element={rolePage(['supervisor', 'leader'], <LedgerPage />)} />
          <Route path="/review/:id" element={rolePage(['supervisor'], <ReviewPage />)} />
          <Route path="/imports/new" element={rolePage(['supervisor'], <ImportPage />)} />
          <Route path="/imports/:id" element={rolePage(['supervisor'], <ImportPreviewPage />)} />
          <Route path="/cockpit" element={rolePage(['leader', 'supervisor'], <CockpitPage />)} />
          <Route path="/plans/:id" element={rolePage(['supervisor', 'leader'], <PlanPage />)} />
          <Route path="/admin/users" element={rolePage(['admin'], <AdminUsersPage />)} />
          <Route path="/admin/units" element={rolePage(['admin'], <AdminUnitsPage />)} />
          <Route path="/admin/calendar" element={rolePage(['admin'], <AdminCalendarPage />)} />
          <Route path="*" element={page(<NotFoundPage />)} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
